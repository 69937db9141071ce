import type { StreamEvent } from "@/lib/store/stream-events";

/**
 * Server-Sent Events framing (WHATWG HTML, "Server-sent events"): fields are `name: value`
 * lines and a blank line ends an event. JSON.stringify never emits a raw line break, so the
 * data fits on one `data:` line.
 */
export function sseEvent(event: StreamEvent): string {
  return `id: ${event.id}\nevent: ${event.kind}\ndata: ${JSON.stringify({ id: event.id, at: event.at, kind: event.kind, data: event.data })}\n\n`;
}

/** A comment line: ignored by EventSource, but it keeps proxies from closing an idle connection. */
export function sseComment(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, " ")}\n\n`;
}

/** How long a browser waits before reconnecting after the stream ends. */
export function sseRetry(ms: number): string {
  return `retry: ${Math.round(ms)}\n\n`;
}

/** An event outside the log (no id, so it does not move the client's Last-Event-ID). */
export function sseNotice(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}
