import "server-only";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { latestStreamEventId, readStreamEventsAfter, type StreamEvent } from "@/lib/store/stream-events";

/** Rows read per query, both by the hub and by a client catching up. */
const PAGE = 500;

/** One connected client: where it is in the log, what it may see, and how to reach it. */
export interface StreamSubscriber {
  /** The event as this client may see it (narrowed to its units), or null to skip it. */
  accept(event: StreamEvent): StreamEvent | null;
  send(event: StreamEvent): void;
}

interface Subscription extends StreamSubscriber {
  cursor: number;
  live: boolean;
}

/**
 * Fans the event log out to this instance's stream clients (docs/live-stream.md). Something
 * wakes it — a NOTIFY from any instance, a write of its own, a timer as a safety net — and it
 * reads the rows after the last it read, once for all clients, and hands each live client those
 * after its own cursor. A new client first catches up from the log on its own (from its
 * Last-Event-ID), then joins the live fan-out; because each client's cursor only moves forward
 * and rows become visible in id order (lib/store/stream-events.ts), every event reaches it once.
 */
export class StreamHub {
  private readonly subscriptions = new Set<Subscription>();
  private cursor = 0;
  /** Whether `cursor` may be behind the log: set while no client is connected, as nobody reads then. */
  private stale = true;
  private reading: Promise<void> | null = null;
  private again = false;

  constructor(private readonly sql: Pick<SqlRunner, "query">) {}

  /** How many clients are connected, for /api/metrics. */
  get clients(): number {
    return this.subscriptions.size;
  }

  /**
   * Adds a client that has seen everything up to `after` (null: nothing of the past, only what
   * comes next). Resolves once it has caught up and is live; the returned function removes it.
   */
  async subscribe(subscriber: StreamSubscriber, after: number | null): Promise<() => void> {
    if (this.stale) {
      this.cursor = Math.max(this.cursor, await latestStreamEventId(this.sql));
      this.stale = false;
    }
    // An id beyond the log's newest was never sent (ids exist only once committed): from there the
    // client would wait for ids to pass a number it made up, so it starts at the newest instead.
    const start = after === null ? this.cursor : Math.min(after, await latestStreamEventId(this.sql));
    const subscription: Subscription = { ...subscriber, cursor: start, live: false };
    this.subscriptions.add(subscription);
    const remove = () => {
      this.subscriptions.delete(subscription);
      if (this.subscriptions.size === 0) this.stale = true;
    };
    try {
      await this.catchUp(subscription);
    } catch (error) {
      remove();
      throw error;
    }
    return remove;
  }

  /** Something may have been written: read the new rows (at most one read at a time, coalescing wake-ups). */
  wake(): Promise<void> {
    if (this.subscriptions.size === 0) {
      this.stale = true;
      return Promise.resolve();
    }
    if (this.reading !== null) {
      this.again = true;
      return this.reading;
    }
    this.reading = this.readNew().finally(() => {
      this.reading = null;
    });
    return this.reading;
  }

  private async readNew(): Promise<void> {
    do {
      this.again = false;
      const rows = await readStreamEventsAfter(this.sql, this.cursor, PAGE);
      for (const event of rows) {
        this.cursor = event.id;
        for (const subscription of this.subscriptions) if (subscription.live) deliver(subscription, event);
      }
      if (rows.length === PAGE) this.again = true;
    } while (this.again && this.subscriptions.size > 0);
  }

  /**
   * Reads the log from the client's cursor until it reaches the hub's, then marks it live with
   * no await between the check and the mark, so no row can fall between the two reads.
   */
  private async catchUp(subscription: Subscription): Promise<void> {
    for (;;) {
      if (!this.subscriptions.has(subscription)) return;
      if (subscription.cursor >= this.cursor) {
        subscription.live = true;
        return;
      }
      const rows = await readStreamEventsAfter(this.sql, subscription.cursor, PAGE);
      for (const event of rows) deliver(subscription, event);
      // Nothing left between the two cursors (pruned, or rolled back): the hub's is the place to be.
      if (rows.length === 0) subscription.cursor = Math.max(subscription.cursor, this.cursor);
    }
  }
}

function deliver(subscription: Subscription, event: StreamEvent): void {
  if (event.id <= subscription.cursor) return;
  subscription.cursor = event.id;
  const visible = subscription.accept(event);
  if (visible !== null) subscription.send(visible);
}
