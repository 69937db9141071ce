import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseModel } from "@/lib/model-file/parse-model";
import { rollUpBatch } from "@/lib/pipeline/roll-up-batch";
import { importModel } from "@/lib/store/model-import";
import { mergeRollups, readRollups, type RollupRow } from "@/lib/store/rollups";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { mergeBuckets } from "@/lib/vsm/temporal/bucket";

/**
 * The database's merge of roll-up buckets (lib/store/rollups.ts) against lib/vsm's mergeBuckets,
 * the one definition: every field equal to the last bit, over many batches of awkward values.
 */
let db: TestDatabase;
let ids: number[];
beforeAll(async () => {
  db = await createTestDatabase();
  await importModel(
    db,
    parseModel(
      "version: 1\nsystems:\n  - path: s\n    name: S\n    indicators:\n      - { key: a, name: A, unit: x, direction: up }\n      - { key: b, name: B, unit: x, direction: up }\n",
      "yaml",
    ),
  );
  ids = (await db.sql.query<{ id: number }>(`SELECT id FROM indicator ORDER BY key`)).map((r) => r.id);
});
afterAll(() => db.drop());

const T0 = Date.parse("2026-11-30T00:00:00Z");
const key = (r: RollupRow) => `${r.indicatorId}|${r.bucket.resolution}|${r.bucket.start}`;

describe("mergeRollups", () => {
  it("merges in the database exactly as lib/vsm's mergeBuckets does", async () => {
    const expected = new Map<string, RollupRow>();
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let batch = 0; batch < 40; batch += 1) {
      const points = ids.flatMap((indicatorId, k) =>
        Array.from({ length: 25 }, (_, j) => ({
          indicatorId,
          time: T0 + (batch * 25 + j) * 37_000 + k,
          // Values of very different scales and signs, so that rounding would show.
          value: (random() - 0.3) * 10 ** Math.floor(random() * 12 - 4) + (k === 1 ? 1e9 : 0),
        })),
      );
      const incoming = rollUpBatch(points, new Map(ids.map((id, k) => [id, k === 0 ? 0.5 : 1e6])));
      await db.sql.transaction((tx) => mergeRollups(tx, incoming));
      for (const row of incoming) {
        const before = expected.get(key(row));
        expected.set(key(row), before ? { indicatorId: row.indicatorId, bucket: mergeBuckets(before.bucket, row.bucket) } : row);
      }
    }
    const stored = await readRollups(db.sql, [...expected.values()]);
    expect(stored).toHaveLength(expected.size);
    expect(new Set(stored.map((r) => r.bucket.resolution))).toEqual(new Set(["minute", "hour", "day"]));
    for (const row of stored) expect(row, key(row)).toEqual(expected.get(key(row)));
  });
});
