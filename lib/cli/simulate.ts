import { parseArgs } from "node:util";
import { cliActor } from "@/lib/auth/audit-actor";
import { runCli, withMigratedDatabase } from "@/lib/cli/run-cli";
import { getEnv } from "@/lib/env";
import { isExampleName } from "@/lib/model-file/examples";
import { ingestClient } from "@/lib/simulate/ingest-client";
import { checkStoredRun, formatRunCheck } from "@/lib/simulate/run-report";
import { SCENARIOS, scriptLength } from "@/lib/simulate/scenarios";
import { scriptedOperator } from "@/lib/simulate/scripted-operator";
import { runSimulator } from "@/lib/simulate/simulator";
import { loadExample } from "@/lib/startup/load-example";
import { createApiKey, listApiKeys, revokeApiKey } from "@/lib/store/api-keys";
import { openDatabase } from "@/lib/store/database";

const USAGE = `Usage: npm run simulate -- [--model saas] [--seed 42] [--speed 60] [--url URL] [--key KEY] [--minutes N] [--report]`;

/** The name of the key the simulator makes for itself; the previous one is revoked when it makes a new one. */
const KEY_NAME = "simulator";
/** How long the console may take to come up when the simulator starts alongside it. */
const READY_TIMEOUT_MS = 180_000;

/**
 * `npm run simulate` (docs/simulator.md): feeds an example model's telemetry, with its scripted
 * incidents, to a running console through the public ingestion endpoints. Without `--key` (or
 * VSM_API_KEY) it makes itself an ingest key in the console's database, revoking the one it made
 * before; `--report` stops after the script and checks what the console made of each incident.
 */
runCli(async () => {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      model: { type: "string", default: "saas" },
      seed: { type: "string", default: "42" },
      speed: { type: "string", default: "60" },
      url: { type: "string" },
      key: { type: "string" },
      minutes: { type: "string" },
      report: { type: "boolean", default: false },
    },
  });
  const model = values.model;
  const incidents = isExampleName(model) ? SCENARIOS[model] : undefined;
  if (!isExampleName(model) || !incidents)
    throw new Error(`--model must be one with a script: ${Object.keys(SCENARIOS).join(", ")}\n${USAGE}`);
  const seed = wholeNumber(values.seed, "--seed");
  const speed = Number(values.speed);
  if (!(speed > 0 && speed <= 3600)) throw new Error(`--speed must be a number above 0 and at most 3600, got ${values.speed}\n${USAGE}`);
  const minutes =
    values.minutes !== undefined ? wholeNumber(values.minutes, "--minutes") : values.report ? scriptLength(incidents) + 20 : undefined;
  const env = getEnv();
  const url = values.url ?? `http://127.0.0.1:${env.PORT}`;
  const key = values.key ?? process.env.VSM_API_KEY ?? (await makeKey());

  const controller = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => controller.abort());
  await waitUntilReady(url, controller.signal);
  console.log(
    `Simulating ${model} (seed ${seed}) at ${speed}× on ${url}: a simulated minute every ${(60 / speed).toFixed(speed >= 60 ? 0 : 1)} s.`,
  );
  // The scripted operator acts on the console's database, through the same audited actions as a signed-in operator.
  const db = openDatabase(env);
  try {
    const operator = scriptedOperator(db, incidents, { startedAt: Date.now(), speed });
    const totals = await runSimulator({
      client: ingestClient(url, key, controller.signal),
      model: await loadExample(model),
      incidents,
      seed,
      speed,
      ...(minutes !== undefined ? { minutes } : {}),
      signal: controller.signal,
      log: (line) => console.log(line),
      onMinute: async (minute) => {
        for (const line of await operator.act(minute)) console.log(`operator: ${line}`);
      },
    });
    console.log(
      `Sent ${totals.observations} observations, ${totals.counterPoints} counter points and ${totals.alertPosts} alert posts over ${Math.round(totals.minutes)} simulated minutes.`,
    );
    // At once: every batch is committed when its request returns, and a unit counts as silent after five of its intervals.
    if (values.report && !controller.signal.aborted) {
      console.log(formatRunCheck(await checkStoredRun(db, incidents, { startedAt: totals.startedAt, speed }, Date.now())));
    }
  } finally {
    await db.close();
  }
});

function wholeNumber(text: string, name: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number ≥ 0, got ${text}\n${USAGE}`);
  return n;
}

async function makeKey(): Promise<string> {
  let token = "";
  await withMigratedDatabase(async (db) => {
    for (const old of await listApiKeys(db.sql)) {
      if (old.name === KEY_NAME && old.revokedAt === null) await revokeApiKey(db.sql, old.id, cliActor());
    }
    const key = await createApiKey(db.sql, { name: KEY_NAME, role: "ingest", scope: "" }, cliActor());
    console.log(`Made an ingest key for the simulator (${key.id}); the one it made before, if any, is revoked.`);
    token = key.token;
  });
  return token;
}

async function waitUntilReady(url: string, signal: AbortSignal): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!signal.aborted) {
    try {
      if ((await fetch(new URL("/api/ready", url), { signal })).ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`the console at ${url} was not ready within ${READY_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
