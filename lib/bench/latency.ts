import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { describeMachine } from "@/lib/bench/machine";
import { percentile } from "@/lib/bench/stats";
import { parseModel } from "@/lib/model-file/parse-model";
import { startApp, type AppProcess } from "@/lib/testing/app-process";
import { SseReader } from "@/lib/testing/sse-client";
import { prepareSystemDatabase } from "@/lib/testing/system-database";
import { insertTestKeys, testToken } from "@/lib/testing/test-keys";
import { DAY, SECOND } from "@/lib/vsm/types";

/**
 * `npm run bench:latency`: how long from an observation's POST to the matching event on a live
 * stream client (docs/live-stream.md; target p99 ≤ 100 ms, stretch 25 ms), through built consoles
 * on loopback: one instance (post and listen on the same one), then two on one database (post to
 * A, listen on B, so the event crosses by NOTIFY). The clock starts before the POST is sent and
 * stops when the client has parsed the event — the whole path: HTTP, decoding, filter step,
 * signals, the event log's insert and NOTIFY at COMMIT, the hub's read and the SSE write.
 * PostgreSQL needs DATABASE_URL (a scratch database is made and dropped); without it the
 * embedded database is measured, whose second instance reads the log every 200 ms. Run
 * `npm run build` first.
 */
const { values: flags } = parseArgs({
  options: {
    samples: { type: "string", default: "300" },
    interval: { type: "string", default: "50" },
    warmup: { type: "string", default: "30" },
  },
});
const SAMPLES = Number(flags.samples);
const INTERVAL_MS = Number(flags.interval);
const WARMUP = Number(flags.warmup);
if (![SAMPLES, INTERVAL_MS, WARMUP].every((n) => Number.isInteger(n) && n >= 0) || SAMPLES < 1)
  throw new Error("--samples, --interval (ms) and --warmup must be whole numbers, samples ≥ 1");

const MODEL = parseModel(
  `version: 1
systems:
  - { path: acme, name: Acme }
  - path: acme/ops
    name: Ops
    indicators:
      - { key: queue-depth, name: Queue depth, unit: items, direction: down }
`,
  "yaml",
);
const START = Date.now() - 30 * DAY;

interface Figures {
  setup: string;
  samples: number;
  p50: number;
  p99: number;
  max: number;
}

/** Posts one point at a time, every INTERVAL_MS, each with a value no other point has, and times its event's arrival. */
async function measure(setup: string, post: AppProcess, listen: AppProcess, first: number): Promise<Figures> {
  const response = await fetch(`${listen.url}/api/v1/stream?kind=observations`, {
    headers: { authorization: `Bearer ${testToken("viewer", "").token}` },
  });
  if (response.status !== 200) throw new Error(`the stream answered ${response.status}: ${await response.text()}`);
  const client = new SseReader(response);
  const sentAt = new Map<number, number>();
  const delays: number[] = [];
  let done = false;
  // The reader runs beside the sender: each event's value names the point it carries.
  const reading = (async () => {
    while (!done) {
      const event = await client.next(1_000);
      if (event === null) continue;
      const at = performance.now();
      const { data } = JSON.parse(event.data) as { data: { units: Record<string, { indicators: Record<string, { value: number }> }> } };
      const value = data.units["acme/ops"]?.indicators["queue-depth"]?.value;
      const sent = value === undefined ? undefined : sentAt.get(value);
      if (sent !== undefined && value !== undefined) {
        sentAt.delete(value);
        if (value >= first + WARMUP) delays.push(at - sent);
      }
    }
  })();
  await new Promise((resolve) => setTimeout(resolve, 500));
  const total = WARMUP + SAMPLES;
  for (let i = 0; i < total; i += 1) {
    const value = first + i;
    const body = JSON.stringify({ observations: [{ unit: "acme/ops", indicator: "queue-depth", time: START + value * SECOND, value }] });
    sentAt.set(value, performance.now());
    const answer = await fetch(`${post.url}/api/v1/observations`, {
      method: "POST",
      headers: { authorization: `Bearer ${testToken("ingest", "").token}`, "content-type": "application/json" },
      body,
    });
    if (answer.status !== 200) throw new Error(`POST answered ${answer.status}: ${await answer.text()}`);
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
  }
  const deadline = Date.now() + 5_000;
  while (delays.length < SAMPLES && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  done = true;
  await reading;
  await client.close();
  if (delays.length < SAMPLES) throw new Error(`${SAMPLES - delays.length} of ${SAMPLES} events never arrived within 5 s of the last POST`);
  const sorted = [...delays].sort((a, b) => a - b);
  return { setup, samples: delays.length, p50: percentile(sorted, 50)!, p99: percentile(sorted, 99)!, max: sorted.at(-1)! };
}

async function main(): Promise<void> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("no build found: run `npm run build` first");
  const database = process.env.DATABASE_URL ? "PostgreSQL (loopback)" : "embedded PGlite";
  console.log(`bench:latency — POST /api/v1/observations → observations event on GET /api/v1/stream`);
  console.log(`machine: ${describeMachine()}`);
  console.log(`database: ${database}; ${SAMPLES} samples after ${WARMUP} warm-up, one point every ${INTERVAL_MS} ms\n`);
  const setup = await prepareSystemDatabase(MODEL, "vsm_bench_latency");
  const apps: AppProcess[] = [];
  try {
    const db = setup.open();
    await insertTestKeys(db.sql, [""]).finally(() => db.close());
    apps.push(await startApp(setup.env));
    const one = await measure("one instance", apps[0]!, apps[0]!, 0);
    apps.push(await startApp(setup.env));
    const two = await measure("two instances (POST to A, stream from B)", apps[0]!, apps[1]!, 1_000_000);
    console.log("setup                                       samples   p50 ms   p99 ms   max ms");
    for (const f of [one, two]) {
      console.log(
        `${f.setup.padEnd(44)}${String(f.samples).padStart(7)}${f.p50.toFixed(1).padStart(9)}${f.p99.toFixed(1).padStart(9)}${f.max.toFixed(1).padStart(9)}`,
      );
    }
  } finally {
    for (const app of apps.reverse()) await app.kill("SIGTERM");
    await setup.remove();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
