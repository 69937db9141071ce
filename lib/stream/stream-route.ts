import "server-only";
import { z } from "zod";
import { describeScopes, scopeCovers, scopesWith } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { createRouteWrapper, RouteHandler } from "@/lib/http";
import { STREAM_KINDS, type StreamEvent } from "@/lib/store/stream-events";
import { narrowEvent, type StreamView } from "@/lib/stream/event-visibility";
import { sseComment, sseEvent, sseNotice, sseRetry } from "@/lib/stream/sse-format";
import type { StreamHub } from "@/lib/stream/stream-hub";
import { unitPathSchema } from "@/lib/vsm/algedonic/schemas";

type WithRoute = ReturnType<typeof createRouteWrapper>;

export interface StreamTiming {
  /** A comment this often keeps idle connections open through proxies. */
  heartbeatMs: number;
  /**
   * A stream ends after this long and the browser reconnects (with Last-Event-ID, losing
   * nothing), so a revoked key or role stops a stream within this time.
   */
  maxDurationMs: number;
  /** What the browser is told to wait before reconnecting. */
  retryMs: number;
}

export const DEFAULT_STREAM_TIMING: StreamTiming = { heartbeatMs: 15_000, maxDurationMs: 5 * 60_000, retryMs: 2_000 };

/** A client further behind than this many queued events is dropped; it reconnects and catches up from the log. */
const MAX_QUEUED = 10_000;

/** `?unit=a&unit=b` or `?unit=a,b`: both forms, as EventSource URLs are written by hand. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (raw) => (raw === undefined ? [] : (Array.isArray(raw) ? raw : [raw]).flatMap((v) => String(v).split(",")).filter((v) => v !== "")),
    z.array(item),
  );

export const streamQuerySchema = z.strictObject({
  /** Subtrees to follow (default: everything the caller may read). */
  unit: list(unitPathSchema).describe("Unit paths: only events about these systems and the ones below them"),
  /** Event kinds to follow (default: all). */
  kind: list(z.enum(STREAM_KINDS)).describe("Event kinds: signal, timeline, variety, observations"),
  /** For clients that cannot set the Last-Event-ID header on their first connection. */
  lastEventId: z.string().optional(),
});

/** The id a client last saw: the Last-Event-ID header (an EventSource reconnecting) or the query; null for none. */
export function lastSeenId(header: string | null, query: string | undefined): number | null {
  const raw = header ?? query;
  if (raw === undefined || raw === "") return null;
  if (!/^\d{1,15}$/.test(raw.trim())) {
    throw new AppError("bad_request", "Last-Event-ID must be the id of an event this stream sent (a whole number)", [
      header !== null
        ? { path: "Last-Event-ID", message: "not a whole number" }
        : { in: "query", path: "lastEventId", message: "not a whole number" },
    ]);
  }
  return Number(raw.trim());
}

/**
 * `GET /api/v1/stream` (docs/live-stream.md): Server-Sent Events of signals, timeline entries,
 * variety notices and observation summaries that the caller may read, from the instance's hub.
 */
export function streamRoute(
  withRoute: WithRoute,
  hub: () => Promise<StreamHub>,
  timing: StreamTiming = DEFAULT_STREAM_TIMING,
): RouteHandler {
  return withRoute({ permission: "read", query: streamQuerySchema }, async ({ request, actor, query, log }) => {
    const after = lastSeenId(request.headers.get("last-event-id"), query.lastEventId);
    const view: StreamView = { readScopes: scopesWith(actor, "read"), units: query.unit, kinds: query.kind };
    // A subtree asked for that shares nothing with what the caller may read would be a stream that never speaks: say so.
    const unreadable = view.units.filter((unit) => !view.readScopes.some((scope) => scopeCovers(scope, unit) || scopeCovers(unit, scope)));
    if (unreadable.length > 0) {
      throw new AppError(
        "forbidden",
        `Nothing in ${unreadable.map((u) => `"${u}"`).join(", ")} may be read with these credentials: ${describeScopes(actor, "read")}`,
      );
    }
    const headers = {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: otherwise Next compresses the stream and holds events back.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    };
    // HEAD follows GET: answer its headers without holding a subscription nobody reads.
    if (request.method === "HEAD") return new Response(null, { headers });
    const streamHub = await hub();
    const encoder = new TextEncoder();
    let stop = () => {};
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        let open = true;
        const timers: NodeJS.Timeout[] = [];
        let remove = () => {};
        stop = () => {
          if (!open) return;
          open = false;
          remove();
          for (const timer of timers) clearTimeout(timer);
          request.signal.removeEventListener("abort", stop);
          try {
            controller.close();
          } catch {
            // Already closed by the client going away.
          }
        };
        const write = (text: string) => {
          if (!open) return;
          if ((controller.desiredSize ?? 0) < -MAX_QUEUED) return stop();
          controller.enqueue(encoder.encode(text));
        };
        request.signal.addEventListener("abort", stop);
        write(sseRetry(timing.retryMs));
        try {
          remove = await streamHub.subscribe(
            { accept: (event) => narrowEvent(event, view), send: (event: StreamEvent) => write(sseEvent(event)) },
            after,
          );
        } catch (error) {
          log.error({ err: error }, "a stream client could not be caught up from the log");
          write(
            sseNotice("unavailable", { message: "The event log could not be read; reconnecting will resume where this stream stopped." }),
          );
          return stop();
        }
        if (!open) return remove();
        timers.push(setInterval(() => write(sseComment("heartbeat")), timing.heartbeatMs));
        timers.push(setTimeout(stop, timing.maxDurationMs));
      },
      cancel() {
        stop();
      },
    });
    return new Response(body, { headers });
  });
}
