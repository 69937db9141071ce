import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FilterCache } from "@/lib/pipeline/filter-cache";
import { drainJournal, materializeRollups } from "@/lib/pipeline/materialize-rollups";
import { Pipeline } from "@/lib/pipeline/pipeline";
import { readBuckets } from "@/lib/pipeline/read-buckets";
import { rollUpBatch } from "@/lib/pipeline/roll-up-batch";
import { storePoints } from "@/lib/pipeline/store-points";
import type { IndicatorTarget } from "@/lib/store/indicator-runtimes";
import { journalBacklog } from "@/lib/store/rollup-journal";
import { importIndicators } from "@/lib/testing/import-indicators";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { settleRollups } from "@/lib/testing/settle-rollups";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";
import type { Bucket } from "@/lib/vsm/temporal/bucket";
import { DAY, HOUR } from "@/lib/vsm/types";

/**
 * The roll-up journal (docs/design.md §5, "Roll-ups"): batches append, folds take, readers add
 * what is not folded yet. Whatever the timing, every stored point is in the roll-ups exactly once.
 */
const AUDIT = { audit: { actor: "system", action: "telemetry.write", detail: { source: "test" } } };
const T0 = Date.UTC(2026, 10, 29, 22);

let db: TestDatabase;
let a: IndicatorTarget;
let b: IndicatorTarget;
beforeAll(async () => {
  db = await createTestDatabase();
  const targets = await importIndicators(db, { s: ["a", "b"] });
  a = targets.get("a")!;
  b = targets.get("b")!;
});
afterAll(() => db.drop());

/** 40 points a batch on each indicator, 37 s apart, so batches share minutes, hours and a day boundary. */
function batchPoints(batch: number) {
  return [a, b].flatMap((indicator, k) =>
    Array.from({ length: 40 }, (_, j) => {
      const n = batch * 40 + j;
      return { indicator, time: T0 + n * 37_000 + k, value: 100 + 10 * Math.sin(n / 7) + k * 1000 + (n % 3) * 0.25 };
    }),
  );
}

const totals = (buckets: Map<number, Bucket[]>) =>
  [...buckets.values()].flat().reduce((t, x) => ({ count: t.count + x.count, sum: t.sum + x.sum }), { count: 0, sum: 0 });

const range = (resolution: Bucket["resolution"]) => ({ indicatorIds: [a.id, b.id], resolution, from: T0 - DAY, to: T0 + 2 * DAY });

describe("the roll-up journal", () => {
  it("is written with its batch and rolled back with it", async () => {
    const before = await journalBacklog(db.sql);
    const failing = db.sql.transaction(async (tx) => {
      await storePoints(
        tx,
        new FilterCache(10),
        batchPoints(99).map((p) => ({ ...p, indicator: runtime(p.indicator) })),
        T0,
      );
      expect(await journalBacklog(tx)).toBe(before + 1);
      throw new Error("the batch fails after its points were stored");
    });
    await expect(failing).rejects.toThrow(/the batch fails/);
    expect(await journalBacklog(db.sql)).toBe(before);
  });

  it("reads the same buckets before, during and after folds, and folds each batch exactly once", async () => {
    const pipeline = new Pipeline(db, { foldInterval: 60_000 });
    const written: ReturnType<typeof batchPoints> = [];
    for (let batch = 0; batch < 30; batch += 1) {
      written.push(...batchPoints(batch));
      await pipeline.write({ points: batchPoints(batch) }, AUDIT);
    }
    // The first write nudged a fold a minute away: nothing is folded yet, and readers see every point.
    expect(await journalBacklog(db.sql)).toBe(30);
    const expectedSum = written.reduce((s, p) => s + p.value, 0);
    const unfolded = await readBuckets(db.sql, range("hour"));
    expect(totals(unfolded).count).toBe(2400);
    expect(totals(unfolded).sum).toBeCloseTo(expectedSum, 6);

    // Four folds at once, taking three entries each until none is left: each entry lands once.
    const folds = await Promise.all(
      Array.from({ length: 4 }, async () => {
        let points = 0;
        for (;;) {
          const fold = await materializeRollups(db.sql, 3);
          if (fold?.entries === 0) return points;
          points += fold?.points ?? 0;
        }
      }),
    );
    expect(folds.reduce((s, n) => s + n, 0)).toBe(2400);
    expect(await journalBacklog(db.sql)).toBe(0);
    await pipeline.close();

    for (const resolution of ["minute", "hour", "day"] as const) {
      const folded = await readBuckets(db.sql, range(resolution));
      expect(totals(folded).count, resolution).toBe(2400);
      expect(totals(folded).sum, resolution).toBeCloseTo(expectedSum, 6);
    }
    // Bucket by bucket, what lib/vsm rolls up from all the points at once: counts, extremes and bins exactly, moments to rounding.
    const reference = rollUpBatch(
      written.map((p) => ({ indicatorId: p.indicator.id, time: p.time, value: p.value })),
      new Map(await binWidths()),
    );
    const stored = new Map<string, Bucket>();
    for (const resolution of ["minute", "hour", "day"] as const) {
      for (const [id, list] of await readBuckets(db.sql, range(resolution)))
        for (const x of list) stored.set(`${id}|${resolution}|${x.start}`, x);
    }
    expect(stored.size).toBe(reference.length);
    for (const { indicatorId, bucket } of reference) {
      const got = stored.get(`${indicatorId}|${bucket.resolution}|${bucket.start}`)!;
      expect({ ...got, sum: 0, m2: 0 }).toEqual({ ...bucket, sum: 0, m2: 0 });
      expect(got.sum).toBeCloseTo(bucket.sum, 8);
      expect(got.m2).toBeCloseTo(bucket.m2, 6);
    }
    expect(new Set(reference.map((r) => r.bucket.resolution))).toEqual(new Set(["minute", "hour", "day"]));
  });

  it("is folded by the pipeline itself after a batch, within its interval", async () => {
    const pipeline = new Pipeline(db, { foldInterval: 50 });
    try {
      await pipeline.write({ points: batchPoints(40) }, AUDIT);
      const deadline = Date.now() + 10_000;
      while ((await journalBacklog(db.sql)) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await journalBacklog(db.sql)).toBe(0);
      const [hour] = (
        await readBuckets(db.sql, { ...range("hour"), indicatorIds: [a.id], from: T0 + 40 * 40 * 37_000 - HOUR, to: T0 + 3 * DAY })
      ).get(a.id)!;
      expect(hour?.count).toBeGreaterThan(0);
    } finally {
      await pipeline.close();
    }
  });

  it("folds values whose sums overflow a double as JavaScript does (±Infinity), instead of failing every later fold", async () => {
    const pipeline = new Pipeline(db, { foldInterval: 60_000 });
    const at = T0 + 30 * 86_400_000;
    await pipeline.write({ points: [{ indicator: a, time: at, value: 1e308 }] }, AUDIT);
    await settleRollups(db.sql);
    await pipeline.write({ points: [{ indicator: a, time: at + 1_000, value: 1.5e308 }] }, AUDIT);
    await pipeline.write({ points: [{ indicator: b, time: at, value: 7 }] }, AUDIT);
    await settleRollups(db.sql);
    await pipeline.close();
    const [minute] = (await readBuckets(db.sql, { indicatorIds: [a.id], resolution: "minute", from: at - 60_000, to: at + 60_000 })).get(
      a.id,
    )!;
    expect(minute).toMatchObject({ count: 2, sum: Infinity, min: 1e308, max: 1.5e308 });
    // The other indicator's point, folded with it, is there too.
    expect(
      (await readBuckets(db.sql, { indicatorIds: [b.id], resolution: "minute", from: at - 60_000, to: at + 60_000 })).get(b.id),
    ).toEqual([expect.objectContaining({ count: 1, sum: 7 })]);
  });

  // The embedded database serves one session at a time: there a second fold waits instead of finding the lock taken.
  it.runIf(process.env.DATABASE_URL)("leaves a fold to the process holding it, and drains what is left afterwards", async () => {
    const pipeline = new Pipeline(db, { foldInterval: 60_000 });
    await pipeline.write({ points: batchPoints(50) }, AUDIT);
    await pipeline.close();
    const held = await db.sql.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock($1)`, [0x76736d72]);
      // Another connection's fold finds the lock taken and leaves at once.
      return drainJournal(db.sql);
    });
    expect(held).toEqual({ entries: 0, points: 0, buckets: 0 });
    expect(await journalBacklog(db.sql)).toBe(1);
    await settleRollups(db.sql);
    expect(await journalBacklog(db.sql)).toBe(0);
  });
});

function runtime(target: IndicatorTarget) {
  return {
    id: target.id,
    params: filterParams(DEFAULT_POLICY, { direction: target.direction, kind: target.kind, family: target.family }),
    kind: target.kind,
    capability: target.capability,
    potentiality: target.potentiality,
  };
}

async function binWidths(): Promise<[number, number][]> {
  const rows = await db.sql.query<{ id: number; width: number }>(`SELECT indicator_id AS id, bin_width AS width FROM filter_cursor`);
  return rows.map((r) => [r.id, r.width]);
}
