import { afterEach, describe, expect, it } from "vitest";
import { encodeJournal } from "@/lib/pipeline/journal-codec";
import { didSomething, runMaintenance, type MaintenanceReport } from "@/lib/pipeline/maintenance";
import { Pipeline } from "@/lib/pipeline/pipeline";
import { readBuckets } from "@/lib/pipeline/read-buckets";
import type { RetentionSettings } from "@/lib/pipeline/retention";
import { openPostgres, type Database } from "@/lib/store/database";
import type { IndicatorTarget } from "@/lib/store/indicator-runtimes";
import { insertObservations, storedTimesAfter } from "@/lib/store/observations";
import { listPartitions } from "@/lib/store/partitions";
import { recentAudit } from "@/lib/store/audit-events";
import { appendJournal, journalBacklog } from "@/lib/store/rollup-journal";
import { mergeRollups } from "@/lib/store/rollups";
import { actualSchema } from "@/lib/testing/actual-schema";
import { importIndicators } from "@/lib/testing/import-indicators";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { bucketOfPoint } from "@/lib/vsm/temporal/bucket";
import { DAY, HOUR, MINUTE } from "@/lib/vsm/types";

const utc = (y: number, m: number, d = 1, h = 0, min = 0, s = 0, ms = 0) => Date.UTC(y, m - 1, d, h, min, s, ms);
const RETENTION: RetentionSettings = {
  raw: 35 * DAY,
  rollups: { minute: 7 * DAY, hour: 90 * DAY, day: 365 * DAY },
  idempotency: DAY,
  monthsAhead: 2,
};
const NOW = utc(2026, 11, 15, 12);
const NOTHING: MaintenanceReport = {
  partitionsCreated: [],
  rowsMoved: 0,
  partitionsDropped: [],
  defaultRowsExpired: 0,
  pointsFolded: 0,
  rollupsPruned: { hour: 0, day: 0 },
  idempotentRequestsPruned: 0,
  streamEventsPruned: 0,
};

let open: { drop(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.map((d) => d.drop()));
  open = [];
});

async function fresh(): Promise<{ db: TestDatabase; a: IndicatorTarget; b: IndicatorTarget }> {
  const db = await createTestDatabase();
  open.push(db);
  const targets = await importIndicators(db, { acme: ["a", "b"] });
  return { db, a: targets.get("a")!, b: targets.get("b")! };
}

const insert = (db: Database, points: { indicator: IndicatorTarget; time: number; value: number }[]) =>
  insertObservations(
    db.sql,
    points.map((p) => ({ indicatorId: p.indicator.id, time: p.time, value: p.value, stepped: false })),
  );

/** Where each stored point lives: its partition, time and value, in time order. */
const placement = (db: Database) =>
  db.sql.query<{ part: string; t: number; v: number }>(
    `SELECT tableoid::regclass::text AS part, (extract(epoch FROM observed_at) * 1000)::float8 AS t, value AS v
       FROM "observation" ORDER BY observed_at, indicator_id`,
  );
const partitions = async (db: Database) => (await listPartitions(db.sql)).map((p) => p.name);

describe("runMaintenance", () => {
  it("creates the current month's partition and the next two, across the year end, and new points go there", async () => {
    const { db, a } = await fresh();
    const before = await actualSchema(db.sql);
    const report = await runMaintenance(db, RETENTION, NOW);
    expect(report).toEqual({ ...NOTHING, partitionsCreated: ["observation_y2026m11", "observation_y2026m12", "observation_y2027m01"] });
    // Partitions are storage: the schema the migrations define (and schema.prisma agrees with) is unchanged.
    expect(await actualSchema(db.sql)).toEqual(before);
    expect(await partitions(db)).toEqual(["observation_y2026m11", "observation_y2026m12", "observation_y2027m01"]);
    await insert(db, [
      { indicator: a, time: utc(2026, 12, 31, 23, 59, 59, 999), value: 1 },
      { indicator: a, time: utc(2027, 1, 1), value: 2 },
      { indicator: a, time: utc(2027, 2, 1), value: 3 },
    ]);
    expect((await placement(db)).map((r) => r.part)).toEqual(["observation_y2026m12", "observation_y2027m01", "observation_default"]);
  });

  it("moves rows that landed in the default into the partition made for their month, where every reader still finds them", async () => {
    const { db, a, b } = await fresh();
    const points = [
      { indicator: a, time: utc(2026, 11, 1), value: 1.5 },
      { indicator: b, time: utc(2026, 11, 14, 9), value: 2.5 },
      { indicator: a, time: utc(2026, 11, 30, 23, 59, 59, 999), value: 3.5 },
      { indicator: a, time: utc(2026, 12, 2), value: 4.5 },
      // Beyond the months made ahead: still gets its month, so the default ends up empty.
      { indicator: b, time: utc(2027, 3, 10), value: 5.5 },
    ];
    await insert(db, points);
    expect(new Set((await placement(db)).map((r) => r.part))).toEqual(new Set(["observation_default"]));

    const report = await runMaintenance(db, RETENTION, NOW);
    expect(report.partitionsCreated).toEqual([
      "observation_y2026m11",
      "observation_y2026m12",
      "observation_y2027m01",
      "observation_y2027m03",
    ]);
    expect(report.rowsMoved).toBe(5);
    expect(await placement(db)).toEqual([
      { part: "observation_y2026m11", t: utc(2026, 11, 1), v: 1.5 },
      { part: "observation_y2026m11", t: utc(2026, 11, 14, 9), v: 2.5 },
      { part: "observation_y2026m11", t: utc(2026, 11, 30, 23, 59, 59, 999), v: 3.5 },
      { part: "observation_y2026m12", t: utc(2026, 12, 2), v: 4.5 },
      { part: "observation_y2027m03", t: utc(2027, 3, 10), v: 5.5 },
    ]);
    const seen = await storedTimesAfter(db.sql, new Map([[a.id, null]]));
    expect([...(seen.get(a.id) ?? [])].sort()).toEqual([utc(2026, 11, 1), utc(2026, 11, 30, 23, 59, 59, 999), utc(2026, 12, 2)]);
    // A re-sent point is still a duplicate once its row has moved: the primary key spans partitions.
    expect(await insert(db, [points[0]!])).toEqual({ unstepped: [] });
  });

  it("drops a month once all of it is older than the raw retention, and never a newer row", async () => {
    const { db, a } = await fresh();
    await insert(db, [
      { indicator: a, time: utc(2026, 8, 20), value: 1 },
      { indicator: a, time: utc(2026, 9, 30, 23, 59, 59, 999), value: 2 },
      { indicator: a, time: utc(2026, 10, 1), value: 3 },
      { indicator: a, time: utc(2026, 10, 31, 23, 59, 59, 999), value: 4 },
      { indicator: a, time: utc(2026, 11, 1), value: 5 },
    ]);
    // Cutoff 11 October: August and September are wholly expired and never get a partition;
    // October straddles the cutoff and is kept whole, its 1 October row too.
    const first = await runMaintenance(db, RETENTION, NOW);
    expect(first.defaultRowsExpired).toBe(2);
    expect(first.partitionsCreated).toEqual([
      "observation_y2026m10",
      "observation_y2026m11",
      "observation_y2026m12",
      "observation_y2027m01",
    ]);
    expect((await placement(db)).map((r) => r.v)).toEqual([3, 4, 5]);

    // One millisecond before October's last instant is out of retention: nothing goes.
    const justBefore = await runMaintenance(db, RETENTION, utc(2026, 11, 1) + RETENTION.raw - 1);
    expect(justBefore.partitionsDropped).toEqual([]);
    expect((await placement(db)).map((r) => r.v)).toEqual([3, 4, 5]);

    const at = await runMaintenance(db, RETENTION, utc(2026, 11, 1) + RETENTION.raw);
    expect(at.partitionsDropped).toEqual(["observation_y2026m10"]);
    expect(await placement(db)).toEqual([{ part: "observation_y2026m11", t: utc(2026, 11, 1), v: 5 }]);
    // Now in December, so February is made ahead.
    expect(await partitions(db)).toEqual(["observation_y2026m11", "observation_y2026m12", "observation_y2027m01", "observation_y2027m02"]);
  });

  it("prunes roll-up buckets per resolution, keeping each while any part of it is within its retention", async () => {
    const { db, a } = await fresh();
    const edge = (resolution: "hour" | "day", width: number, retention: number) => [
      { indicatorId: a.id, bucket: bucketOfPoint({ at: NOW - retention - width, value: 1 }, resolution, 1) },
      { indicatorId: a.id, bucket: bucketOfPoint({ at: NOW - retention, value: 1 }, resolution, 1) },
    ];
    await mergeRollups(db.sql, [...edge("hour", HOUR, RETENTION.rollups.hour), ...edge("day", DAY, RETENTION.rollups.day)]);
    const report = await runMaintenance(db, RETENTION, NOW);
    expect(report.rollupsPruned).toEqual({ hour: 1, day: 1 });
    const kept = await db.sql.query<{ resolution: string; start: number }>(
      `SELECT resolution, (extract(epoch FROM bucket_start) * 1000)::float8 AS start FROM "rollup" ORDER BY resolution`,
    );
    expect(kept).toEqual([
      { resolution: "day", start: Math.floor((NOW - RETENTION.rollups.day) / DAY) * DAY },
      { resolution: "hour", start: Math.floor((NOW - RETENTION.rollups.hour) / HOUR) * HOUR },
    ]);
  });

  it("keeps raw points as long as the minute retention when the raw retention is shorter: minutes are read from them", async () => {
    const { db, a } = await fresh();
    const short = { ...RETENTION, raw: DAY };
    // On 3 November a raw retention of one day alone would let October go (it ended before 2
    // November); the minute retention's cutoff, 27 October, is inside October, so it stays.
    await insert(db, [{ indicator: a, time: utc(2026, 10, 20), value: 1 }]);
    const report = await runMaintenance(db, short, utc(2026, 11, 3));
    expect(report.partitionsDropped).toEqual([]);
    expect(report.defaultRowsExpired).toBe(0);
    const minutes = await readBuckets(db.sql, {
      indicatorIds: [a.id],
      resolution: "minute",
      from: utc(2026, 10, 20),
      to: utc(2026, 10, 21),
    });
    expect(minutes.get(a.id)).toEqual([expect.objectContaining({ start: utc(2026, 10, 20), count: 1, sum: 1 })]);
    const later = await runMaintenance(db, short, utc(2026, 11, 8));
    expect(later.partitionsDropped).toEqual(["observation_y2026m10"]);
  });

  it("folds the roll-up journal before pruning, so a point waiting there is pruned like a folded one", async () => {
    const { db, a } = await fresh();
    const old = NOW - RETENTION.rollups.hour - HOUR;
    await appendJournal(db.sql, encodeJournal({ points: [{ indicatorId: a.id, time: old, value: 2 }], binWidths: new Map([[a.id, 1]]) }));
    const report = await runMaintenance(db, RETENTION, NOW);
    expect(report.pointsFolded).toBe(1);
    expect(report.rollupsPruned).toEqual({ hour: 1, day: 0 });
    expect(await journalBacklog(db.sql)).toBe(0);
    expect(await db.sql.query(`SELECT resolution, count FROM "rollup" ORDER BY resolution`)).toEqual([{ resolution: "day", count: 1 }]);
  });

  it("forgets idempotency answers older than a day", async () => {
    const { db } = await fresh();
    for (const [key, age] of [
      ["old", DAY + 1],
      ["recent", DAY - MINUTE],
    ] as const) {
      await db.sql.query(
        `INSERT INTO "idempotent_request" (actor, key, request_hash, status, body, created_at)
         VALUES ('k1', $1, 'h', 200, '{}'::jsonb, to_timestamp($2::float8 / 1000))`,
        [key, NOW - age],
      );
    }
    expect((await runMaintenance(db, RETENTION, NOW)).idempotentRequestsPruned).toBe(1);
    expect(await db.sql.query(`SELECT key FROM "idempotent_request"`)).toEqual([{ key: "recent" }]);
  });

  it("forgets live-stream events older than a day, and observation summaries older than an hour", async () => {
    const { db } = await fresh();
    for (const [kind, age] of [
      ["signal", DAY + 1],
      ["signal", DAY - MINUTE],
      ["observations", HOUR + 1],
      ["observations", HOUR - MINUTE],
    ] as const) {
      await db.sql.query(
        `INSERT INTO "stream_event" (at, kind, paths, data) VALUES (to_timestamp($1::float8 / 1000), $2, '{acme}', '{}')`,
        [NOW - age, kind],
      );
    }
    expect((await runMaintenance(db, RETENTION, NOW)).streamEventsPruned).toBe(2);
    expect(await db.sql.query(`SELECT id::int AS id FROM "stream_event" ORDER BY id`)).toEqual([{ id: 2 }, { id: 4 }]);
  });

  it("does nothing the second time", async () => {
    const { db, a } = await fresh();
    await insert(db, [
      { indicator: a, time: utc(2026, 8, 1), value: 1 },
      { indicator: a, time: utc(2026, 11, 2), value: 2 },
    ]);
    await db.sql.query(
      `INSERT INTO "idempotent_request" (actor, key, request_hash, status, body, created_at) VALUES ('k1', 'x', 'h', 200, '{}'::jsonb, to_timestamp($1::float8 / 1000))`,
      [NOW - 2 * DAY],
    );
    const first = await runMaintenance(db, RETENTION, NOW);
    expect(didSomething(first)).toBe(true);
    const before = await placement(db);
    const audited = await recentAudit(db.sql, 10);
    expect(audited[0]).toMatchObject({ actor: "system", action: "retention.run", detail: { partitionsCreated: first.partitionsCreated } });
    const second = await runMaintenance(db, RETENTION, NOW);
    expect(second).toEqual(NOTHING);
    expect(didSomething(second)).toBe(false);
    // A run that removed nothing leaves no entry.
    expect(await recentAudit(db.sql, 10)).toEqual(audited);
    expect(await placement(db)).toEqual(before);
  });

  it("lets two runs at once both succeed, making each partition and moving each row exactly once", async () => {
    const { db, a, b } = await fresh();
    const points = Array.from({ length: 400 }, (_, i) => ({ indicator: i % 2 ? a : b, time: utc(2026, 11, 1) + i * HOUR, value: i }));
    await insert(db, points);
    // On PostgreSQL a second handle is a second pool, as another instance of the console would be.
    const other: Pick<Database, "sql"> = db.url ? openPostgres(db.url) : db;
    if (db.url) open.push({ drop: () => (other as Database).close() });
    const [one, two] = await Promise.all([runMaintenance(db, RETENTION, NOW), runMaintenance(other, RETENTION, NOW)]);
    expect([...one.partitionsCreated, ...two.partitionsCreated].sort()).toEqual([
      "observation_y2026m11",
      "observation_y2026m12",
      "observation_y2027m01",
    ]);
    expect(one.rowsMoved + two.rowsMoved).toBe(400);
    const placed = await placement(db);
    expect(placed).toHaveLength(400);
    expect(placed.filter((r) => r.part === "observation_default")).toEqual([]);
  });

  it("runs while batches are being written, without failing either", async () => {
    const { db, a, b } = await fresh();
    const pipeline = new Pipeline(db, { now: () => NOW });
    const batch = (n: number) =>
      [a, b].flatMap((indicator) =>
        Array.from({ length: 25 }, (_, i) => ({ indicator, time: utc(2026, 11, 2) + (n * 25 + i) * MINUTE, value: i })),
      );
    const audit = { audit: { actor: "system", action: "telemetry.write", detail: { source: "test" } } };
    await pipeline.write({ points: batch(0) }, audit);
    const writes = Array.from({ length: 8 }, (_, n) => pipeline.write({ points: batch(n + 1) }, audit));
    const [report] = await Promise.all([runMaintenance(db, RETENTION, NOW), ...writes]);
    expect(report.partitionsCreated).toContain("observation_y2026m11");
    const placed = await placement(db);
    expect(placed).toHaveLength(9 * 50);
    expect(new Set(placed.map((r) => r.part))).toEqual(new Set(["observation_y2026m11"]));
  });
});
