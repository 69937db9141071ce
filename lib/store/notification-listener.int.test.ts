import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenForNotifications, type Listener } from "@/lib/store/notification-listener";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

/**
 * The live stream's one LISTEN connection per instance (docs/live-stream.md): it hears NOTIFY
 * from any session, and when PostgreSQL drops it (a restart, an administrator, a failover) it
 * connects again by itself, LISTENs again and says so, so the hub reads what it missed. PostgreSQL
 * only: the embedded database does not route NOTIFY between its clients.
 */
let db: TestDatabase;
let listener: Listener | undefined;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await listener?.close();
  await db.drop();
});

async function until(what: string, check: () => boolean | Promise<boolean>, timeout = 15_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.skipIf(process.env.DATABASE_URL === undefined)("the LISTEN connection", () => {
  it("hears NOTIFY, and after PostgreSQL drops it connects and LISTENs again by itself", async () => {
    let heard = 0;
    listener = listenForNotifications(db.url!, "vsm_test_channel", () => (heard += 1), pino({ level: "silent" }));
    // Once for the first connection (the caller must look for itself), once per NOTIFY.
    await until("the first connection", () => heard === 1);
    await db.sql.query(`SELECT pg_notify('vsm_test_channel', '1')`);
    await until("the first notification", () => heard === 2);

    const listening = async () =>
      (
        await db.sql.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN%'`)
      ).map((r) => r.pid);
    const [pid] = await listening();
    expect(pid).toBeDefined();
    await db.sql.query(`SELECT pg_terminate_backend($1)`, [pid]);

    await until("a new connection", async () => heard === 3 && (await listening()).some((p) => p !== pid));
    await db.sql.query(`SELECT pg_notify('vsm_test_channel', '2')`);
    await until("a notification after the reconnection", () => heard === 4);
  });
});
