import { parseArgs } from "node:util";
import { jsonBody, otlpBody } from "@/lib/bench/ingest-bodies";
import { httpSender, makeClients, runClients, type Client, type Sender } from "@/lib/bench/ingest-clients";
import { copySender, seriesId } from "@/lib/bench/ingest-copy";
import { loadNow, obsPerSecond, printTable, type PhaseFigures } from "@/lib/bench/ingest-report";
import { benchModel, benchSeries } from "@/lib/bench/ingest-series";
import { describeMachine } from "@/lib/bench/machine";
import { observationCopier } from "@/lib/testing/copy-observations";
import { startHandlerServer, type HandlerServer } from "@/lib/testing/handler-server";
import { bearer, createTelemetryHarness, type TelemetryHarness } from "@/lib/testing/telemetry-harness";
import { DAY } from "@/lib/vsm/types";

/**
 * `npm run bench:ingest`: observations per second through the ingestion endpoints over HTTP, with
 * the whole pipeline on — decoding, scope and indicator resolution, cursor locks, filters, roll-ups,
 * storage (docs/design.md §5) — beside a raw COPY of the same rows into the same database (target
 * ≥ 25,000/s on two cores, docs/design.md §6). PostgreSQL needs DATABASE_URL (a scratch database
 * is made and dropped); the embedded database is measured in memory. Clients and server share this
 * process and the machine, as the load column says; the clients encode their batches before the
 * clock starts (lib/bench/ingest-clients.ts), so the figures are the console's, plus HTTP sending.
 */
const { values: flags } = parseArgs({
  options: {
    seconds: { type: "string", default: "15" },
    warmup: { type: "string", default: "3" },
    batch: { type: "string", default: "1000" },
    clients: { type: "string", default: "3" },
    units: { type: "string", default: "50" },
    indicators: { type: "string", default: "20" },
    only: { type: "string" },
  },
});
const number = (name: keyof typeof flags, min: number) => {
  const value = Number(flags[name]);
  if (!(Number.isFinite(value) && value >= min)) throw new Error(`--${name} must be a number ≥ ${min}`);
  return value;
};
const SECONDS = number("seconds", 1);
const WARMUP = number("warmup", 0);
const BATCH = number("batch", 1);
const CLIENTS = number("clients", 1);
const SHAPE = { units: number("units", 1), indicatorsPerUnit: number("indicators", 1) };
if (flags.only !== undefined && flags.only !== "postgres" && flags.only !== "embedded")
  throw new Error("--only takes postgres or embedded");

const SEED = 42;
/** The credential every client sends: a stored test key (whole tree, ingest role) through the real key resolver. */
const CREDENTIAL = bearer("ingest");
// Far enough back that no run reaches the one-day-ahead limit on times (docs/telemetry-in.md).
const START = Date.now() - 60 * DAY;

const series = benchSeries(SHAPE);
const newClients = () => makeClients(series, CLIENTS, BATCH, SEED, START);

async function rowCount(h: TelemetryHarness): Promise<number> {
  const [row] = await h.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "observation"`);
  return row?.n ?? 0;
}

/** A warm-up run (not counted), then the measured run, with the rows the database gained. */
/** Batches each client encodes before the clock starts: enough for 40,000 observations/s, above what any run reached. */
const ahead = (seconds: number) => Math.ceil((40_000 * seconds) / (CLIENTS * BATCH));

async function phase(label: string, h: TelemetryHarness, clients: Client[], sender: Sender, warmup = WARMUP): Promise<PhaseFigures> {
  // The roll-up journal the run leaves is folded inside its clock (lib/pipeline/rollup-folder.ts).
  const fold = () => h.pipeline.foldRollups();
  if (warmup > 0) await runClients(clients, sender, warmup, ahead(warmup), fold);
  const before = await rowCount(h);
  const run = await runClients(clients, sender, SECONDS, ahead(SECONDS), fold);
  const stored = (await rowCount(h)) - before;
  if (stored !== run.rows) console.log(`  note: ${label} sent ${run.rows} observations and the database gained ${stored}`);
  return { label, run, stored, load: loadNow() };
}

/** One batch of one client, timed: what a batch costs without a warm cache. */
async function oneBatch(clients: Client[], sender: Sender): Promise<number> {
  const started = performance.now();
  await sender.post(sender.encode(clients[0]!.generator.next(clients[0]!.rounds)));
  return performance.now() - started;
}

function senders(server: HandlerServer) {
  return {
    json: httpSender(`${server.url}/api/v1/observations`, { ...CREDENTIAL, "content-type": "application/json" }, jsonBody),
    otlp: httpSender(`${server.url}/api/otlp/v1/metrics`, { ...CREDENTIAL, "content-type": "application/x-protobuf" }, otlpBody),
  };
}

async function withServer<T>(serverUrl: string | null, work: (h: TelemetryHarness, server: HandlerServer) => Promise<T>): Promise<T> {
  const h = await createTelemetryHarness(benchModel(SHAPE), { serverUrl });
  const server = await startHandlerServer({ "/api/v1/observations": h.routes.observations, "/api/otlp/v1/metrics": h.routes.otlp });
  try {
    return await work(h, server);
  } finally {
    await server.close();
    await h.close();
  }
}

async function indicatorIds(h: TelemetryHarness): Promise<Map<string, number>> {
  const rows = await h.db.sql.query<{ path: string; key: string; id: number }>(
    `SELECT s.path, i.key, i.id FROM "indicator" i JOIN "system" s ON s.id = i.system_id`,
  );
  return new Map(rows.map((r) => [seriesId(r.path, r.key), r.id]));
}

async function postgres(serverUrl: string): Promise<{ phases: PhaseFigures[]; colds: string[] }> {
  return withServer(serverUrl, async (h, server) => {
    const phases: PhaseFigures[] = [];
    // COPY first, into the empty table, then emptied again: the JSON run then sends the same rows from the start.
    if (h.db.url === undefined) throw new Error("the PostgreSQL harness has no URL to COPY through");
    const copier = observationCopier(h.db.url, CLIENTS);
    try {
      phases.push(
        await phase("PostgreSQL  raw COPY, same rows and batches", h, newClients(), copySender(copier, await indicatorIds(h)), 1),
      );
    } finally {
      await copier.close();
    }
    await h.db.sql.exec(`TRUNCATE "observation"`);
    const { json, otlp } = senders(server);
    const clients = newClients();
    const first = await oneBatch(clients, json);
    phases.push(await phase("PostgreSQL  HTTP JSON /api/v1/observations", h, clients, json));
    h.pipeline.cache.clear();
    const restart = await oneBatch(clients, json);
    // OTLP continues the same series later in time, so its points step the filters too.
    phases.push(await phase("PostgreSQL  HTTP OTLP protobuf /api/otlp/v1/metrics", h, clients, otlp));
    const colds = [
      `PostgreSQL  first batch of a new database (new cursors and filters, cold JIT): ${first.toFixed(0)} ms`,
      `PostgreSQL  first batch after the filter cache was emptied (checkpoints read, points replayed): ${restart.toFixed(0)} ms`,
    ];
    return { phases, colds };
  });
}

async function embedded(): Promise<{ phases: PhaseFigures[]; colds: string[] }> {
  return withServer(null, async (h, server) => {
    const { json } = senders(server);
    const clients = newClients();
    const first = await oneBatch(clients, json);
    const phases = [await phase("PGlite      HTTP JSON /api/v1/observations", h, clients, json)];
    return { phases, colds: [`PGlite      first batch of a new database: ${first.toFixed(0)} ms`] };
  });
}

async function main() {
  const serverUrl = process.env.DATABASE_URL;
  console.log(
    `Ingest through HTTP: ${SHAPE.units} units × ${SHAPE.indicatorsPerUnit} indicators = ${series.length} series, one point a minute each;`,
  );
  console.log(`${CLIENTS} concurrent clients, ~${BATCH} observations per batch, ${WARMUP} s warm-up, ${SECONDS} s measured per run;`);
  console.log("each client encodes its batches before the clock starts, as a load generator does (senders run elsewhere)");
  console.log(describeMachine());
  console.log(`load average at start: ${loadNow().toFixed(2)}\n`);
  const phases: PhaseFigures[] = [];
  const colds: string[] = [];
  if (flags.only !== "embedded") {
    if (serverUrl) {
      const pg = await postgres(serverUrl);
      phases.push(...pg.phases);
      colds.push(...pg.colds);
    } else console.log("PostgreSQL skipped: set DATABASE_URL to a server (a scratch database is made there and dropped).\n");
  }
  if (flags.only !== "postgres") {
    const pglite = await embedded();
    phases.push(...pglite.phases);
    colds.push(...pglite.colds);
  }
  printTable(phases);
  const [copy, json, otlp] = serverUrl && flags.only !== "embedded" ? phases : [];
  if (copy && json && otlp) {
    const ratio = (p: PhaseFigures) => `${((obsPerSecond(p) / obsPerSecond(copy)) * 100).toFixed(1)}%`;
    console.log(`\nHTTP / COPY: JSON ${ratio(json)}, OTLP ${ratio(otlp)}   (target ≥ 25,000 obs/s through HTTP)`);
  }
  console.log(`\n${colds.join("\n")}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
