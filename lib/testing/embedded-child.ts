import { createInterface } from "node:readline";
import { Pipeline } from "@/lib/pipeline/pipeline";
import { openDatabase } from "@/lib/store/database";
import { indicatorsByName } from "@/lib/store/indicator-runtimes";
import { syntheticSeries } from "@/lib/vsm/filter/synthetic-series";
import { seededRandom } from "@/lib/vsm/random";

/**
 * A second process for the embedded database's integration tests (run with tsx): it opens the
 * data folder named by VSM_DATA_DIR the way a CLI or worker would, while the test process owns it.
 *
 *   hold            BEGIN, insert 'child' into probe, print "in transaction", then COMMIT or
 *                   ROLLBACK as told on stdin (or vanish on "exit", leaving the transaction open)
 *   ingest SEED N CHUNK PARITY KEY...
 *                   write every other CHUNK-point batch (PARITY 0 or 1) of the seeded series of
 *                   N points to each indicator KEY of unit "acme", through the pipeline, printing
 *                   "ready" just before the first
 *   own             (on a folder nobody holds) create probe, insert 'child owner', print "owning",
 *                   and serve the folder until killed
 */
const T0 = Date.UTC(2026, 10, 1);
const db = openDatabase({ VSM_DATA_DIR: process.env.VSM_DATA_DIR ?? ".data" });
const [command, ...args] = process.argv.slice(2);

async function hold(): Promise<void> {
  await db.sql.transaction(async (tx) => {
    await tx.query("INSERT INTO probe (who) VALUES ('child')");
    console.log("in transaction");
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) {
      if (line === "exit") process.exit(0);
      if (line === "rollback") throw new Error("rolled back as told");
      if (line === "commit") break;
    }
  });
}

async function ingest(): Promise<void> {
  const [seed, length, chunk, parity, ...keys] = args;
  const targets = await indicatorsByName(
    db.sql,
    keys.map((key) => ({ unitPath: "acme", key })),
  );
  const { times, values } = syntheticSeries(seededRandom(Number(seed)), {
    length: Number(length),
    change: { kind: "step", at: Math.floor(Number(length) * 0.8), size: 8 },
  });
  const pipeline = new Pipeline(db);
  console.log("ready");
  const size = Number(chunk);
  for (let start = Number(parity) * size; start < times.length; start += 2 * size) {
    const points = targets.flatMap((indicator) =>
      times.slice(start, start + size).map((t, i) => ({ indicator, time: T0 + t, value: values[start + i]! })),
    );
    await pipeline.write({ points }, { audit: { actor: "system", action: "telemetry.write", detail: { source: "embedded-child" } } });
  }
  console.log("ingested");
}

async function own(): Promise<void> {
  await db.sql.exec("CREATE TABLE probe (id serial PRIMARY KEY, who text NOT NULL); INSERT INTO probe (who) VALUES ('child owner')");
  console.log("owning");
  await new Promise(() => {});
}

(command === "hold" ? hold() : command === "own" ? own() : ingest()).then(
  () => db.close().then(() => process.exit(0)),
  (error: unknown) => {
    console.error((error as Error).message);
    void db.close().then(() => process.exit(1));
  },
);
