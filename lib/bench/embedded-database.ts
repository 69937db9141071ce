import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describeMachine } from "@/lib/bench/machine";
import { parseModel } from "@/lib/model-file/parse-model";
import { Pipeline } from "@/lib/pipeline/pipeline";
import { openEmbedded } from "@/lib/store/database";
import { indicatorsByName } from "@/lib/store/indicator-runtimes";
import { applyMigrations } from "@/lib/store/migrate";
import { importModel } from "@/lib/store/model-import";
import { syntheticSeries } from "@/lib/vsm/filter/synthetic-series";
import { seededRandom } from "@/lib/vsm/random";

/**
 * `npm run bench:embedded`: what the embedded database costs per statement, transaction and
 * pipeline batch, on a fresh data folder in a temporary directory, through the same code the
 * console uses (docs/design.md §9: `pg` over the folder owner's socket). Run on a checkout
 * before the socket server existed, the same script measures direct PGlite.
 */
async function rate(label: string, count: number, unit: string, work: (i: number) => Promise<unknown>): Promise<void> {
  await work(-1); // warm: first plans, first connection
  const started = performance.now();
  for (let i = 0; i < count; i += 1) await work(i);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${label.padEnd(44)} ${String(Math.round(count / seconds)).padStart(7)} ${unit}/s   (${((seconds * 1000) / count).toFixed(3)} ms each)`,
  );
}

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), "vsm-bench-embedded-"));
  const db = openEmbedded(path.join(work, "data"));
  try {
    console.log(`Embedded database (${db.location})`);
    console.log(describeMachine());
    await applyMigrations(db.sql);
    await importModel(
      db,
      parseModel(
        "version: 1\nsystems:\n  - path: acme\n    name: Acme\n    indicators:\n      - { key: a, name: A, unit: ms, direction: down }\n",
        "yaml",
      ),
    );
    await db.sql.exec(
      "CREATE TABLE bench_row (id serial PRIMARY KEY, v int); CREATE TABLE bench_counter (id int PRIMARY KEY, n int); INSERT INTO bench_counter VALUES (1, 0)",
    );
    await rate("SELECT 1", 3000, "queries", () => db.sql.query("SELECT 1"));
    await rate("INSERT one row, parameters", 2000, "queries", (i) => db.sql.query("INSERT INTO bench_row (v) VALUES ($1)", [i]));
    await rate("transaction: SELECT … FOR UPDATE, UPDATE", 1000, "transactions", () =>
      db.sql.transaction(async (tx) => {
        const [row] = await tx.query<{ n: number }>("SELECT n FROM bench_counter WHERE id = 1 FOR UPDATE");
        await tx.query("UPDATE bench_counter SET n = $1 WHERE id = 1", [row!.n + 1]);
      }),
    );
    await rate("Prisma findMany (systems with indicators)", 1000, "queries", () =>
      db.prisma.system.findMany({ include: { indicators: true } }),
    );
    const [target] = await indicatorsByName(db.sql, [{ unitPath: "acme", key: "a" }]);
    const { times, values } = syntheticSeries(seededRandom(1), { length: 30_100, change: { kind: "step", at: 25_000, size: 8 } });
    const pipeline = new Pipeline(db);
    const T0 = Date.UTC(2026, 10, 1);
    await rate("pipeline batch of 100 points", 300, "batches", (i) =>
      pipeline.write(
        {
          points: times
            .slice((i + 1) * 100, (i + 2) * 100)
            .map((t, j) => ({ indicator: target!, time: T0 + t, value: values[(i + 1) * 100 + j]! })),
        },
        { audit: { actor: "system", action: "telemetry.write", detail: { source: "bench" } } },
      ),
    );
    // The roll-ups the batches left in the journal are their work too.
    const folding = performance.now();
    const fold = await pipeline.foldRollups();
    console.log(`  then the roll-up fold of their ${fold.points} points: ${(performance.now() - folding).toFixed(0)} ms`);
    await pipeline.close();
  } finally {
    await db.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
