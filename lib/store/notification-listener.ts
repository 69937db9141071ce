import "server-only";
import { Client } from "pg";
import type { Logger } from "pino";

export interface Listener {
  close(): Promise<void>;
}

const FIRST_RETRY_MS = 500;
const LAST_RETRY_MS = 15_000;

/**
 * One dedicated PostgreSQL connection that LISTENs on `channel` and calls `onNotify` for each
 * notification — and once after every (re)connection, since notifications sent while it was
 * away are lost and the caller must look for itself. A lost connection is reopened with backoff
 * and LISTENs again by itself; the pool's connections are never used for this, as a LISTEN
 * belongs to its session.
 */
export function listenForNotifications(url: string, channel: string, onNotify: () => void, log: Logger): Listener {
  let client: Client | null = null;
  let closed = false;
  let retryMs = FIRST_RETRY_MS;
  let timer: NodeJS.Timeout | null = null;

  const retry = () => {
    if (closed || timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
  };

  const connect = async () => {
    const next = new Client({ connectionString: url });
    client = next;
    next.on("notification", () => onNotify());
    // Only the current connection may schedule the next: a late 'end' of an old one must not open a second.
    next.on("error", (error) => {
      if (client !== next) return;
      log.warn({ err: error }, "the live stream's LISTEN connection failed; reconnecting");
      void next.end().catch(() => undefined);
      retry();
    });
    next.on("end", () => {
      if (client === next) retry();
    });
    try {
      await next.connect();
      await next.query(`LISTEN "${channel}"`);
      if (closed) return void (await next.end());
      retryMs = FIRST_RETRY_MS;
      onNotify();
    } catch (error) {
      log.warn({ err: error }, "the live stream could not LISTEN; trying again");
      await next.end().catch(() => undefined);
      retry();
    }
  };

  void connect();
  return {
    async close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      await client?.end().catch(() => undefined);
    },
  };
}
