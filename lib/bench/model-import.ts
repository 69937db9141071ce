import { describeMachine } from "@/lib/bench/machine";
import { generatedModel } from "@/lib/bench/generated-model";
import { loadExample } from "@/lib/startup/load-example";
import { importModel } from "@/lib/store/model-import";
import type { ModelFile } from "@/lib/model-file/schemas";
import { createTestDatabase } from "@/lib/testing/test-database";

/**
 * `npm run bench:import [-- --runs N]`: how long importing a model takes, on the SaaS and
 * Cybersyn examples and on a generated model of 1,000 systems. Each run imports into a fresh
 * database (all rows created), then imports the same model again (every row updated, nothing
 * created). The database is the one the tests use: PostgreSQL when DATABASE_URL is set (a scratch
 * database, dropped afterwards), otherwise in-memory PGlite.
 */

const runsFlag = process.argv.indexOf("--runs");
const RUNS = runsFlag >= 0 ? Number(process.argv[runsFlag + 1]) : 3;
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error("--runs must be a positive integer");

async function timeImports(model: ModelFile): Promise<{ fresh: number; again: number }> {
  const db = await createTestDatabase();
  try {
    // Connections opened and both clients' first queries done, so the timings are the import's own.
    await db.sql.query("SELECT 1");
    await db.prisma.system.count();
    const started = performance.now();
    await importModel(db, model);
    const fresh = performance.now() - started;
    await importModel(db, model);
    return { fresh, again: performance.now() - started - fresh };
  } finally {
    await db.drop();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(0).padStart(7)} ms`;

async function main() {
  console.log(
    `Model import, median of ${RUNS} run${RUNS === 1 ? "" : "s"} on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite in memory"}`,
  );
  console.log(describeMachine());
  const cases: [string, ModelFile][] = [
    ["saas example", await loadExample("saas")],
    ["cybersyn example", await loadExample("cybersyn")],
    ["generated", generatedModel()],
  ];
  for (const [label, model] of cases) {
    const rows = {
      systems: model.systems.length,
      channels: model.systems.reduce((n, s) => n + s.channels.length, 0),
      indicators: model.systems.reduce((n, s) => n + s.indicators.length, 0),
    };
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await timeImports(model));
    console.log(
      `${label.padEnd(17)} ${String(rows.systems).padStart(5)} systems ${String(rows.channels).padStart(5)} channels ` +
        `${String(rows.indicators).padStart(5)} indicators   first import ${ms(median(runs.map((r) => r.fresh)))}` +
        `   again ${ms(median(runs.map((r) => r.again)))}`,
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
