import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseModel } from "@/lib/model-file/parse-model";
import type { ChangeEventRow } from "@/lib/pipeline/step-points";
import { SignalCache } from "@/lib/signals/signal-cache";
import { signalsFromBatch } from "@/lib/signals/signals-from-batch";
import { indicatorsByName, type IndicatorTarget } from "@/lib/store/indicator-runtimes";
import { importModel } from "@/lib/store/model-import";
import { readSignal } from "@/lib/store/signals";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { MINUTE } from "@/lib/vsm/types";

/** The batch step on its own, with the filter's events written by hand: the orders the filter can produce them in. */
const T0 = Date.UTC(2026, 10, 30, 9);
let db: TestDatabase;
let target: IndicatorTarget;
beforeAll(async () => {
  db = await createTestDatabase();
  await importModel(
    db,
    parseModel(
      "version: 1\nsystems:\n  - path: acme\n    name: Acme\n    indicators:\n      - { key: q, name: Q, unit: x, direction: down }\n",
      "yaml",
    ),
  );
  [target] = (await indicatorsByName(db.sql, [{ unitPath: "acme", key: "q" }])) as [IndicatorTarget];
});
afterAll(() => db.drop());

const event = (type: ChangeEventRow["type"], minute: number): ChangeEventRow => ({
  type,
  kind: "step",
  point: minute,
  time: T0 + minute * MINUTE,
  valence: "pain",
  magnitude: 9,
  score: 5,
  indicatorId: target.id,
  reportedAt: T0 + minute * MINUTE,
  probabilities: null,
  band: "alert",
  context: { reference: 100, sd: 2, period: MINUTE },
});

async function batch(events: ChangeEventRow[], cache = new SignalCache()) {
  return db.sql.transaction((tx) => signalsFromBatch(tx, cache, new Map([[target.id, target]]), events, new Map()));
}

describe("a batch's signals", () => {
  it("retract a provisional signal and raise the next in its place within one batch", async () => {
    const first = await batch([event("raised", 1)]);
    expect(first.counts).toEqual({ raised: 1, updated: 0 });
    const second = await batch([event("retracted", 2), event("raised", 3)]);
    expect(second.counts).toEqual({ raised: 1, updated: 1 });
    expect(await readSignal(db.sql, first.stored[0]!.id)).toMatchObject({ state: "retracted", closeReason: "retracted" });
    expect(await readSignal(db.sql, second.stored.find((s) => s.state === "provisional")!.id)).toMatchObject({ state: "provisional" });
  });

  it("read a running signal from the cache only at the version the database has", async () => {
    const cache = new SignalCache();
    const raised = await batch([event("confirmed", 10)], cache);
    const [signal] = raised.stored.filter((s) => s.state === "open");
    // Not put in the cache by the step itself: only once its transaction has committed (the pipeline does that).
    cache.put(signal!);
    // A copy at another version than the database's is not used: the next batch reads the stored one.
    cache.put({ ...signal!, version: signal!.version + 5, changes: 99 });
    const next = await batch([event("continued", 11)], cache);
    expect(next.stored[0]).toMatchObject({ id: signal!.id, changes: 2, version: signal!.version + 1 });
  });
});
