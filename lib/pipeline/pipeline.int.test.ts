import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Pipeline } from "@/lib/pipeline/pipeline";
import { readBuckets } from "@/lib/pipeline/read-buckets";
import { stepPoints, type IndicatorRuntime } from "@/lib/pipeline/step-points";
import { CHECKPOINT_STEPS } from "@/lib/pipeline/store-points";
import type { IndicatorTarget } from "@/lib/store/indicator-runtimes";
import { settleRollups } from "@/lib/testing/settle-rollups";
import { importIndicators } from "@/lib/testing/import-indicators";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { syntheticSeries } from "@/lib/vsm/filter/synthetic-series";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";
import { DAY } from "@/lib/vsm/types";

const AUDIT = { audit: { actor: "system", action: "telemetry.write", detail: { source: "test" } } };

const T0 = Date.UTC(2026, 10, 1);
const series = (seed: number, length: number) => {
  const { times, values } = syntheticSeries(seededRandom(seed), {
    length,
    change: { kind: "step", at: Math.floor(length * 0.8), size: 8 },
  });
  return times.map((t, i) => ({ time: T0 + t, value: values[i]! }));
};

let db: TestDatabase;
const targets = new Map<string, IndicatorTarget>();
beforeAll(async () => {
  db = await createTestDatabase();
  for (const [key, target] of await importIndicators(db, { acme: ["a", "b", "c", "d", "e", "f"] })) targets.set(key, target);
});
/** Every pipeline a test makes, closed before the database goes: their roll-up folds must not outlive it. */
const pipelines: Pipeline[] = [];
const newPipeline = (options?: ConstructorParameters<typeof Pipeline>[1]): Pipeline => {
  const pipeline = new Pipeline(db, options);
  pipelines.push(pipeline);
  return pipeline;
};
afterAll(async () => {
  await Promise.all(pipelines.map((p) => p.close()));
  await db.drop();
});

const on = (key: string, points: { time: number; value: number }[]) =>
  points.map((p) => ({ indicator: targets.get(key)!, time: p.time, value: p.value }));
const chunks = <T>(list: T[], size: number) =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

async function one<Row extends Record<string, unknown>>(text: string, params: unknown[] = []): Promise<Row> {
  const [row] = await db.sql.query<Row>(text, params);
  return row!;
}
const cursorOf = (key: string) =>
  one<{ steps: number; through: number }>(
    `SELECT steps::int AS steps, (extract(epoch FROM stepped_through) * 1000)::float8 AS through FROM filter_cursor WHERE indicator_id = $1`,
    [targets.get(key)!.id],
  );
const eventsOf = (key: string) =>
  db.sql.query<{ type: string; kind: string; reported: number }>(
    `SELECT type, kind, (extract(epoch FROM reported_at) * 1000)::float8 AS reported FROM filter_event WHERE indicator_id = $1 ORDER BY id`,
    [targets.get(key)!.id],
  );

/** What a filter stepping every point once, in memory, reports: the reference for every stored run. */
function referenceRun(points: { time: number; value: number }[]) {
  const runtime: IndicatorRuntime = {
    id: 0,
    params: filterParams(DEFAULT_POLICY, { direction: "down", kind: "raw" }),
    kind: "raw",
    capability: null,
    potentiality: null,
  };
  const state = createFilterState();
  const events = stepPoints(state, runtime, points).events.map((e) => ({ type: e.type, kind: e.kind, reported: e.reportedAt }));
  return { state, events };
}

describe("Pipeline.write", () => {
  it("stores every point, steps the filter once per in-order point, and writes events, roll-ups, cursor and checkpoint", async () => {
    const points = series(1, 700);
    const pipeline = newPipeline();
    for (const batch of chunks(points, 100)) {
      const result = await pipeline.write({ points: on("a", batch) }, AUDIT);
      expect(result.kind).toBe("stored");
    }
    expect(
      await one(`SELECT count(*)::int AS n, count(*) FILTER (WHERE stepped)::int AS stepped FROM observation WHERE indicator_id = $1`, [
        targets.get("a")!.id,
      ]),
    ).toEqual({
      n: 700,
      stepped: 700,
    });
    expect(await cursorOf("a")).toEqual({ steps: 700, through: points[699]!.time });
    const reference = referenceRun(points);
    expect(await eventsOf("a")).toEqual(reference.events);
    expect(reference.events.some((e) => e.type === "confirmed" && e.kind === "step")).toBe(true);
    const checkpoint = await one<{ steps: string; version: number }>(
      `SELECT steps, version FROM filter_checkpoint WHERE indicator_id = $1`,
      [targets.get("a")!.id],
    );
    expect(Number(checkpoint.steps)).toBeGreaterThanOrEqual(CHECKPOINT_STEPS);
    expect(checkpoint.version).toBe(createFilterState().version);
    await settleRollups(db.sql);
    const rollups = await db.sql.query<{ resolution: string; n: number; sum: number }>(
      `SELECT resolution, sum(count)::int AS n, sum(sum) AS sum FROM rollup WHERE indicator_id = $1 GROUP BY resolution ORDER BY resolution`,
      [targets.get("a")!.id],
    );
    const total = points.reduce((s, p) => s + p.value, 0);
    // Hours and days are stored; minutes are rolled up from the stored points when read.
    expect(rollups.map((r) => r.resolution)).toEqual(["day", "hour"]);
    const minutes = (
      await readBuckets(db.sql, {
        indicatorIds: [targets.get("a")!.id],
        resolution: "minute",
        from: points[0]!.time - DAY,
        to: points[699]!.time + DAY,
      })
    ).get(targets.get("a")!.id)!;
    for (const r of [...rollups, { n: minutes.reduce((n, b) => n + b.count, 0), sum: minutes.reduce((s, b) => s + b.sum, 0) }]) {
      expect(r.n).toBe(700);
      expect(r.sum).toBeCloseTo(total, 6);
    }
    // Each bucket's value bins hold exactly its points: the bins travel apart from the other columns.
    const mismatched = await db.sql.query(
      `SELECT 1 FROM rollup WHERE count <> (SELECT sum(value::int) FROM jsonb_each_text(bins)) OR jsonb_typeof(bins) <> 'object'`,
    );
    expect(mismatched).toEqual([]);
  });

  it("stores a re-sent batch once: nothing new, no step, no roll-up change", async () => {
    const points = series(1, 700).slice(600);
    const before = await one(`SELECT sum(count)::int AS n FROM rollup WHERE indicator_id = $1`, [targets.get("a")!.id]);
    const result = await newPipeline().write({ points: on("a", points) }, AUDIT);
    expect(result.kind === "stored" && result.outcome).toMatchObject({ points: 100, stored: 0, duplicates: 100, stepped: 0, events: 0 });
    expect(await cursorOf("a")).toMatchObject({ steps: 700 });
    await settleRollups(db.sql);
    expect(await one(`SELECT sum(count)::int AS n FROM rollup WHERE indicator_id = $1`, [targets.get("a")!.id])).toEqual(before);
  });

  it("stores a late point without stepping the filter backwards, and rolls it up", async () => {
    const late = { time: series(1, 700)[10]!.time + 1, value: 123 };
    const result = await newPipeline().write({ points: on("a", [late]) }, AUDIT);
    expect(result.kind === "stored" && result.outcome).toMatchObject({ stored: 1, stepped: 0 });
    expect(await cursorOf("a")).toMatchObject({ steps: 700 });
    expect(
      await one(`SELECT stepped FROM observation WHERE indicator_id = $1 AND observed_at = to_timestamp($2::float8 / 1000)`, [
        targets.get("a")!.id,
        late.time,
      ]),
    ).toEqual({
      stepped: false,
    });
    await settleRollups(db.sql);
    expect(
      await one(`SELECT sum(count)::int AS n FROM rollup WHERE indicator_id = $1 AND resolution = 'day'`, [targets.get("a")!.id]),
    ).toEqual({ n: 701 });
  });

  it("never steps a point stored earlier without a step when it comes again after the cursor", async () => {
    const f = targets.get("f")!;
    const t = T0 + 10 * DAY;
    const pipeline = newPipeline();
    // A ratio index with no capability cannot be formed: the point is stored, and the filter does not see it.
    const unformed = { ...f, kind: "productivity" as const, capability: null };
    const first = await pipeline.write({ points: [{ indicator: unformed, time: t, value: 5 }] }, AUDIT);
    expect(first.kind === "stored" && first.outcome).toMatchObject({ stored: 1, stepped: 0 });
    // The same point again, now for a filter that could step it, and a new one after it: only the new one steps.
    const raw = { ...f, kind: "raw" as const };
    const points = [
      { indicator: raw, time: t, value: 5 },
      { indicator: raw, time: t + 60_000, value: 6 },
    ];
    const second = await pipeline.write({ points }, AUDIT);
    expect(second.kind === "stored" && second.outcome).toMatchObject({ stored: 1, duplicates: 1, stepped: 1 });
    expect(await cursorOf("f")).toEqual({ steps: 1, through: t + 60_000 });
    const third = await pipeline.write({ points }, AUDIT);
    expect(third.kind === "stored" && third.outcome).toMatchObject({ stored: 0, duplicates: 2, stepped: 0 });
  });

  it("continues exactly as an uninterrupted run when every batch starts from a cold cache (a restart between batches)", async () => {
    const points = series(2, 1_300);
    for (const batch of chunks(points, 37)) await newPipeline().write({ points: on("b", batch) }, AUDIT);
    const reference = referenceRun(points);
    expect(await eventsOf("b")).toEqual(reference.events);
    expect(await cursorOf("b")).toEqual({ steps: 1300, through: points[1_299]!.time });
    // And the state a restarted process holds is the reference state, bit for bit.
    const restarted = newPipeline();
    await restarted.write({ points: on("b", [{ time: points[1_299]!.time + 60_000, value: 100 }]) }, AUDIT);
    const resumed = restarted.cache.take(targets.get("b")!.id, 1_301)!.state;
    const continued = referenceRun([...points, { time: points[1_299]!.time + 60_000, value: 100 }]).state;
    expect(resumed).toEqual(continued);
  });

  it("rebuilds, and says so, when a checkpoint holds a state it cannot read", async () => {
    const points = series(3, 600);
    await newPipeline().write({ points: on("c", points.slice(0, 550)) }, AUDIT);
    await db.sql.query(`UPDATE filter_checkpoint SET version = 1 WHERE indicator_id = $1`, [targets.get("c")!.id]);
    const result = await newPipeline().write({ points: on("c", points.slice(550)) }, AUDIT);
    expect(result.kind === "stored" && result.outcome.rebuilt).toEqual([
      { indicatorId: targets.get("c")!.id, reason: expect.stringContaining("version 1") },
    ]);
    expect(await cursorOf("c")).toMatchObject({ steps: 600 });
    expect(await one(`SELECT version FROM filter_checkpoint WHERE indicator_id = $1`, [targets.get("c")!.id])).toEqual({
      version: createFilterState().version,
    });
  });

  it("lets two pipelines (two app instances) write the same indicators at once without losing or doubling a step", async () => {
    const points = series(4, 800);
    const [first, second] = [newPipeline(), newPipeline()];
    const batches = chunks(points, 20);
    // Interleaved: both instances take alternate batches of d and e, racing each other.
    await Promise.all(
      batches.map((batch, i) => (i % 2 === 0 ? first : second).write({ points: [...on("d", batch), ...on("e", batch)] }, AUDIT)),
    );
    for (const key of ["d", "e"]) {
      const id = targets.get(key)!.id;
      const counts = await one<{ n: number; stepped: number }>(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE stepped)::int AS stepped FROM observation WHERE indicator_id = $1`,
        [id],
      );
      expect(counts.n).toBe(800);
      const cursor = await cursorOf(key);
      expect(Number(cursor.steps)).toBe(counts.stepped);
      // The filter's events are those of one run over exactly the stepped points, in order.
      const stepped = await db.sql.query<{ time: number; value: number }>(
        `SELECT (extract(epoch FROM observed_at) * 1000)::float8 AS time, value FROM observation WHERE indicator_id = $1 AND stepped ORDER BY observed_at`,
        [id],
      );
      expect(await eventsOf(key)).toEqual(referenceRun(stepped).events);
    }
  });
});
