import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseModel } from "@/lib/model-file/parse-model";
import { Pipeline } from "@/lib/pipeline/pipeline";
import { indicatorsByName, type IndicatorTarget } from "@/lib/store/indicator-runtimes";
import { importModel } from "@/lib/store/model-import";
import { readSignal } from "@/lib/store/signals";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import type { Signal } from "@/lib/vsm/algedonic/schemas";
import { syntheticSeries } from "@/lib/vsm/filter/synthetic-series";
import { seededRandom } from "@/lib/vsm/random";
import { MINUTE } from "@/lib/vsm/types";

/**
 * The filter's changes become signals in the batch's transaction (docs/design.md §5, "Signals"):
 * real series through the real pipeline, signals read back from the database.
 */
const MODEL = `
version: 1
systems:
  - path: acme
    name: Acme
  - path: acme/checkout
    name: Checkout
    indicators:
      - { key: lasting, name: Orders, unit: 1/min, direction: up, family: orders }
      - { key: ramp, name: Queue, unit: jobs, direction: down, family: queues }
      - { key: undone, name: Payments, unit: 1/min, direction: up, family: orders }
      - { key: quiet, name: Logins, unit: 1/min, direction: up }
`;
const AUDIT = { audit: { actor: "system", action: "telemetry.write", detail: { source: "test" } } };
const T0 = Date.UTC(2026, 10, 1);

let db: TestDatabase;
let pipeline: Pipeline;
const targets = new Map<string, IndicatorTarget>();
beforeAll(async () => {
  db = await createTestDatabase();
  await importModel(db, parseModel(MODEL, "yaml"));
  for (const t of await indicatorsByName(
    db.sql,
    ["lasting", "ramp", "undone", "quiet"].map((key) => ({ unitPath: "acme/checkout", key })),
  ))
    targets.set(t.key, t);
  pipeline = new Pipeline(db);
});
afterAll(async () => {
  await pipeline.close();
  await db.drop();
});

async function send(key: string, values: readonly number[], batch = 30): Promise<void> {
  const indicator = targets.get(key)!;
  for (let i = 0; i < values.length; i += batch) {
    const points = values.slice(i, i + batch).map((value, j) => ({ indicator, time: T0 + (i + j + 1) * MINUTE, value }));
    await pipeline.write({ points }, AUDIT);
  }
}

async function signalsOf(key: string): Promise<Signal[]> {
  const rows = await db.sql.query<{ id: string }>(`SELECT id FROM "signal" WHERE indicator_id = $1 ORDER BY raised_at`, [
    targets.get(key)!.id,
  ]);
  return Promise.all(rows.map(async ({ id }) => (await readSignal(db.sql, id))!));
}

const series = (seed: number, length: number, change?: Parameters<typeof syntheticSeries>[1]["change"]) =>
  syntheticSeries(seededRandom(seed), { length, ...(change ? { change } : {}) }).values;

describe("signals from the pipeline", () => {
  it("raises one pain signal for a lasting step down, with the level before it as the reference, and never remedies it", async () => {
    await send("lasting", series(11, 700, { kind: "step", at: 400, size: -8 }));
    const confirmed = (await signalsOf("lasting")).filter((s) => s.state !== "retracted");
    expect(confirmed).toHaveLength(1);
    const [signal] = confirmed;
    expect(signal).toMatchObject({ valence: "pain", kind: "step", state: "open", indicator: "lasting", family: "orders", level: 1 });
    expect(signal!.reference).toMatchObject({ direction: -1, period: MINUTE });
    expect(Math.abs(signal!.reference!.level - 100)).toBeLessThan(1.5);
    // 300 points at the new level: the filter has long learnt it, and the signal is still not remedied.
    expect(signal!.remedySince).toBeNull();
    expect(signal!.raisedAt).toBeGreaterThanOrEqual(T0 + 400 * MINUTE);
    expect(signal!.raisedAt).toBeLessThanOrEqual(T0 + 405 * MINUTE);
    const deadlines = await db.sql.query(`SELECT kind FROM "signal_deadline" WHERE signal_id = $1 ORDER BY kind`, [signal!.id]);
    expect(deadlines).toEqual([{ kind: "escalate" }, { kind: "repeat" }]);
  });

  it("counts a ramp's repeated confirmations on one signal", async () => {
    await send("ramp", series(12, 600, { kind: "slope", at: 400, size: 0.5 }));
    const signals = (await signalsOf("ramp")).filter((s) => s.state !== "retracted");
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({ valence: "pain" });
    expect(signals[0]!.changes).toBeGreaterThan(1);
    expect(signals[0]!.timeline.filter((e) => e.kind === "recurred")).toHaveLength(signals[0]!.changes - 1);
  });

  it("remedies a step that is undone, once the level has been back for k periods, and raises no pleasure on the way back", async () => {
    const values = series(13, 700).map((v, i) => (i >= 400 && i < 460 ? v - 8 : v));
    await send("undone", values);
    const signals = (await signalsOf("undone")).filter((s) => s.state !== "retracted");
    // The way back up is the pain signal's recovery, not a pleasure signal of its own.
    expect(signals).toHaveLength(1);
    const [first] = signals;
    expect(first).toMatchObject({ valence: "pain", state: "remedied", closeReason: "remedied" });
    expect(first!.closedAt).toBeGreaterThan(T0 + 460 * MINUTE);
    expect(first!.closedAt).toBeLessThan(T0 + 520 * MINUTE);
  });

  it("raises nothing on a quiet series", async () => {
    await send("quiet", series(14, 700));
    expect((await signalsOf("quiet")).filter((s) => s.state !== "retracted")).toEqual([]);
  });
});
