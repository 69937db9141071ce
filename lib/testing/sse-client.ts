/** One Server-Sent Event as a client parses it: comments and retry lines are dropped. */
export interface ReceivedEvent {
  id: string | null;
  event: string;
  data: string;
}

/**
 * A minimal EventSource-style reader over a fetch Response, for tests and benchmarks that must
 * see exactly what a browser would: frames split at blank lines, `id`, `event` and `data` fields.
 */
export class SseReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = "";
  private readonly queue: ReceivedEvent[] = [];
  /** Comment lines seen (heartbeats). */
  comments = 0;
  ended = false;

  constructor(response: Response) {
    if (response.body === null) throw new Error("the response has no body to stream");
    this.reader = response.body.getReader();
  }

  /** The next event, or null if the stream ended or `timeoutMs` passed first. */
  async next(timeoutMs: number): Promise<ReceivedEvent | null> {
    const deadline = Date.now() + timeoutMs;
    while (this.queue.length === 0 && !this.ended) {
      const left = deadline - Date.now();
      if (left <= 0) return null;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), left)));
      const read = await Promise.race([this.pending ?? (this.pending = this.reader.read()), timeout]);
      clearTimeout(timer);
      if (read === "timeout") return null;
      this.pending = null;
      if (read.done) this.ended = true;
      else this.take(this.decoder.decode(read.value, { stream: true }));
    }
    return this.queue.shift() ?? null;
  }

  /** Events until `done` says stop (inclusive) or `timeoutMs` passes in all; throws on timeout, naming what arrived. */
  async until(done: (event: ReceivedEvent, all: readonly ReceivedEvent[]) => boolean, timeoutMs: number): Promise<ReceivedEvent[]> {
    const deadline = Date.now() + timeoutMs;
    const all: ReceivedEvent[] = [];
    for (;;) {
      const event = await this.next(deadline - Date.now());
      if (event === null)
        throw new Error(`stream ${this.ended ? "ended" : "timed out"} after ${all.length} events: ${all.map((e) => e.event).join(", ")}`);
      all.push(event);
      if (done(event, all)) return all;
    }
  }

  async close(): Promise<void> {
    await this.reader.cancel().catch(() => undefined);
  }

  private pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;

  private take(text: string): void {
    this.buffer += text.replace(/\r\n?/g, "\n");
    let end: number;
    while ((end = this.buffer.indexOf("\n\n")) >= 0) {
      const frame = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const event: ReceivedEvent = { id: null, event: "message", data: "" };
      const data: string[] = [];
      for (const line of frame.split("\n")) {
        if (line.startsWith(":")) {
          this.comments += 1;
          continue;
        }
        const colon = line.indexOf(":");
        const name = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (name === "id") event.id = value;
        else if (name === "event") event.event = value;
        else if (name === "data") data.push(value);
      }
      event.data = data.join("\n");
      if (data.length > 0) this.queue.push(event);
    }
  }
}
