import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueStreamEvents, readStreamEventsAfter } from "@/lib/store/stream-events";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

const serverUrl = process.env.DATABASE_URL;

// Two transactions at once need a server: the embedded database runs one at a time.
describe.skipIf(!serverUrl)("stream events commit in id order", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  it("a writer whose events are inserted holds the ordering lock to its COMMIT: a second writer waits, and its ids come after", async () => {
    const event = (n: number) => ({ kind: "variety" as const, paths: ["acme"], data: { n } });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const first = db.sql.transaction(async (tx) => {
      await queueStreamEvents(tx, [event(1)]);
      // Runs after the events' insert (jobs run in the order registered), before COMMIT.
      tx.beforeCommit!(async () => {
        inserted();
        await held;
      });
    });
    await new Promise<void>((resolve) => (inserted = resolve));
    let secondDone = false;
    const second = db.sql
      .transaction(async (tx) => queueStreamEvents(tx, [event(2)]))
      .then(() => {
        secondDone = true;
      });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(secondDone).toBe(false);
    release();
    await Promise.all([first, second]);
    const events = await readStreamEventsAfter(db.sql, 0, 10);
    expect(events.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
  });
});
