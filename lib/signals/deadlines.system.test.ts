import { afterAll, describe, expect, it } from "vitest";
import { parseModel } from "@/lib/model-file/parse-model";
import type { Database } from "@/lib/store/database";
import { readSignal } from "@/lib/store/signals";
import { startApp, type AppProcess } from "@/lib/testing/app-process";
import { raiseTestSignal } from "@/lib/testing/raise-test-signal";
import { prepareSystemDatabase, type SystemDatabase } from "@/lib/testing/system-database";
import type { Signal } from "@/lib/vsm/algedonic/schemas";

/**
 * Durable escalation through the built console (docs/signals.md): two `next start` processes on
 * one PostgreSQL database, each running the deadline worker, fire a deadline that passes while
 * both run exactly once; a process killed with SIGKILL in the middle of firing leaves the deadline
 * to fire once after the restart. Counted from the signal's timeline. PostgreSQL only: the
 * embedded database serves one transaction at a time, so it has no firing to be in the middle of.
 */
const MODEL = parseModel(
  `version: 1
systems:
  - { path: acme, name: Acme }
  - path: acme/ops
    name: Ops
    policy: { escalation: { allowances: [86400000, 6000] } }
`,
  "yaml",
);

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function setUp(): Promise<SystemDatabase> {
  const setup = await prepareSystemDatabase(MODEL, "vsm_deadlines");
  cleanups.push(setup.remove);
  return setup;
}

/** A pain signal at acme/ops (level 1), raised now: Ops' allowance of 6 s runs out while the consoles run. */
const raiseAtOps = (db: Database): Promise<Signal> => raiseTestSignal(db.sql, "acme/ops", Date.now(), "orders");

async function escalationsOf(db: Database, id: string): Promise<number> {
  const signal = await readSignal(db.sql, id);
  return signal!.timeline.filter((e) => e.kind === "escalated").length;
}

async function until(what: string, check: () => Promise<boolean>, timeout = 40_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe.skipIf(!process.env.DATABASE_URL)("deadlines fired by the console's worker", () => {
  it("fire once with two consoles running the worker on one database", async () => {
    const setup = await setUp();
    const apps = await Promise.all([startApp(setup.env), startApp(setup.env)]);
    cleanups.push(() => Promise.all(apps.map((a) => a.kill())).then(() => undefined));
    const db = setup.open();
    try {
      const signal = await raiseAtOps(db);
      await until("the escalation", async () => (await escalationsOf(db, signal.id)) > 0);
      // Both workers run every 5 s: give each a few more turns to fire it again, were it able to.
      await new Promise((resolve) => setTimeout(resolve, 12_000));
      expect(await escalationsOf(db, signal.id)).toBe(1);
      expect(await readSignal(db.sql, signal.id)).toMatchObject({ state: "escalated", holderLevel: 0 });
      const audit = await db.sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'signal.deadlines' AND detail::text LIKE $1`,
        [`%${signal.id}%`],
      );
      expect(audit).toEqual([{ n: 1 }]);
    } finally {
      await db.close();
    }
  }, 120_000);

  it("fire once after a SIGKILL in the middle of firing", async () => {
    const setup = await setUp();
    const db = setup.open();
    let app: AppProcess | undefined;
    cleanups.push(async () => app?.kill());
    try {
      const signal = await raiseAtOps(db);
      // Hold the signal's row, so that the worker, once it has claimed the deadline, waits inside its transaction.
      const holder = await db.sql.transaction(async (tx) => {
        await tx.query(`SELECT id FROM "signal" WHERE id = $1 FOR UPDATE`, [signal.id]);
        app = await startApp(setup.env);
        await until("the worker to be firing", async () => {
          const waiting = await db.sql.query(
            `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE "signal"%' AND datname = current_database()`,
          );
          return waiting.length > 0;
        });
        await app.kill("SIGKILL");
        return "released";
      });
      expect(holder).toBe("released");
      expect(await escalationsOf(db, signal.id)).toBe(0);
      // The killed firing rolled back: the deadline is still there, and the restarted console fires it once.
      expect(await db.sql.query(`SELECT kind FROM "signal_deadline" WHERE signal_id = $1 ORDER BY kind`, [signal.id])).toEqual([
        { kind: "escalate" },
        { kind: "repeat" },
      ]);
      app = await startApp(setup.env);
      await until("the escalation after the restart", async () => (await escalationsOf(db, signal.id)) > 0);
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      expect(await escalationsOf(db, signal.id)).toBe(1);
    } finally {
      await db.close();
    }
  }, 120_000);
});
