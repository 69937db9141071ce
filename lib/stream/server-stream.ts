import "server-only";
import { getDatabase } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { registerGauge } from "@/lib/metrics/console-metrics";
import { onLocalStreamWrite, STREAM_CHANNEL } from "@/lib/store/stream-events";
import { listenForNotifications } from "@/lib/store/notification-listener";
import { StreamHub } from "@/lib/stream/stream-hub";

/**
 * How often the hub looks at the log without being woken. Its own process's commits wake it at
 * once, and on PostgreSQL so does NOTIFY from any instance, so this is only a safety net there;
 * the embedded database cannot route NOTIFY between the processes sharing it (docs/design.md §9),
 * so there other processes' events are found by reading the log this often.
 */
const SAFETY_POLL_MS = 2_000;
const EMBEDDED_POLL_MS = 200;

const holder = globalThis as typeof globalThis & { vsmStreamHub?: Promise<StreamHub> };

/** The instance's one hub and its one LISTEN connection, started by the first stream client (kept on globalThis across module reloads). */
export function getStreamHub(): Promise<StreamHub> {
  holder.vsmStreamHub ??= getDatabase().then(
    (db) => {
      const hub = new StreamHub(db.sql);
      registerGauge("vsm_sse_clients", "Live-stream (Server-Sent Events) clients connected to this instance.", () => hub.clients);
      const url = getEnv().DATABASE_URL;
      const streamLog = log.child({ concern: "stream" });
      const report = (error: unknown) =>
        streamLog.error({ err: error }, "reading the live stream's log failed; trying again at the next wake-up");
      if (db.kind === "postgres" && url !== undefined)
        listenForNotifications(url, STREAM_CHANNEL, () => void hub.wake().catch(report), streamLog);
      // This process's own writes wake it at once; other processes' by NOTIFY or the poll.
      onLocalStreamWrite(() => void hub.wake().catch(report));
      setInterval(() => void hub.wake().catch(report), db.kind === "postgres" ? SAFETY_POLL_MS : EMBEDDED_POLL_MS).unref();
      return hub;
    },
    (error: unknown) => {
      holder.vsmStreamHub = undefined;
      throw error;
    },
  );
  return holder.vsmStreamHub;
}
