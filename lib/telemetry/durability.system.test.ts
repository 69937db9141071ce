import { afterAll, describe, expect, it } from "vitest";
import { parseModel } from "@/lib/model-file/parse-model";
import { Pipeline } from "@/lib/pipeline/pipeline";
import { createApiKey } from "@/lib/store/api-keys";
import type { Database } from "@/lib/store/database";
import { importModel } from "@/lib/store/model-import";
import { indicatorsByName } from "@/lib/store/indicator-runtimes";
import { startApp, type AppProcess } from "@/lib/testing/app-process";
import { prepareSystemDatabase, type SystemDatabase } from "@/lib/testing/system-database";
import { createTestDatabase } from "@/lib/testing/test-database";

/**
 * Durability through the built console (docs/telemetry-in.md "Durability"): a stream of batches
 * survives SIGKILL of the server — no answered point lost, and after a restart every filter goes
 * on exactly as an uninterrupted run would — and two servers ingesting the same indicators at
 * once neither lose nor double an update. Runs after `next build` (npm run test:e2e).
 */
const MODEL = parseModel(
  `version: 1
systems:
  - { path: acme, name: Acme }
  - path: acme/pay
    name: Payments
    indicators:
      - { key: latency, name: Latency, unit: ms, direction: down }
      - { key: errors, name: Errors, unit: 1/min, direction: down }
      - { key: throughput, name: Throughput, unit: req/s, direction: up }
      - { key: queue, name: Queue, unit: items, direction: down }
`,
  "yaml",
);
const KEYS = ["latency", "errors", "throughput", "queue"];
const BATCHES = 40;
const PER_INDICATOR = 25;
const START = Date.now() - 3 * 86_400_000;

/** A deterministic stream with noise, a step and a ramp, so that the filters have changes to report. */
function batch(i: number) {
  const observations = KEYS.flatMap((key, k) =>
    Array.from({ length: PER_INDICATOR }, (_, j) => {
      const n = i * PER_INDICATOR + j;
      const noise = Math.sin(n * 12.9898 + k * 78.233) * 43758.5453;
      const level = 100 * (k + 1) + (key === "latency" && i >= 20 ? 60 : 0) + (key === "queue" && i >= 30 ? (n - 750) * 0.8 : 0);
      return { unit: "acme/pay", indicator: key, time: START + n * 60_000, value: level + (noise - Math.floor(noise) - 0.5) * 8 };
    }),
  );
  return { observations };
}

/** A database of the console's own kind, migrated, with the model and an ingest key. */
async function prepare(): Promise<SystemDatabase & { token: string }> {
  const setup = await prepareSystemDatabase(MODEL, "vsm_sys");
  const db = setup.open();
  try {
    const { token } = await createApiKey(db.sql, { name: "durability", role: "ingest", scope: "acme" }, "cli:test");
    return { ...setup, token };
  } finally {
    await db.close();
  }
}

async function send(app: AppProcess, token: string, i: number): Promise<number> {
  const response = await fetch(`${app.url}/api/v1/observations`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "idempotency-key": `batch-${i}` },
    body: JSON.stringify(batch(i)),
  });
  await response.arrayBuffer();
  return response.status;
}

/** What the filters did, per indicator: events as stored and the cursor. Comparable across databases. */
async function filterRecord(db: Database) {
  const events = await db.sql.query(
    `SELECT i.key, e.type, e.kind, e.valence, e.changed_at, e.reported_at, e.magnitude, e.score, e.band
       FROM filter_event e JOIN indicator i ON i.id = e.indicator_id ORDER BY i.key, e.reported_at, e.id`,
  );
  const cursors = await db.sql.query(
    `SELECT i.key, c.steps::int AS steps, c.stepped_through FROM filter_cursor c JOIN indicator i ON i.id = c.indicator_id ORDER BY i.key`,
  );
  const stepped = await db.sql.query(
    `SELECT i.key, count(*)::int AS stored, count(*) FILTER (WHERE o.stepped)::int AS stepped
       FROM observation o JOIN indicator i ON i.id = o.indicator_id GROUP BY i.key ORDER BY i.key`,
  );
  return { events, cursors, stepped };
}

/** The same points written in time order by one in-process pipeline on a fresh database: the uninterrupted run. */
async function reference(points: (i: number) => ReturnType<typeof batch>["observations"]) {
  const db = await createTestDatabase();
  try {
    await importModel(db, MODEL);
    const targets = new Map(
      (
        await indicatorsByName(
          db.sql,
          KEYS.map((key) => ({ unitPath: "acme/pay", key })),
        )
      ).map((t) => [t.key, t]),
    );
    const pipeline = new Pipeline(db);
    for (let i = 0; i < BATCHES; i += 1) {
      const writes = points(i).map((o) => ({ indicator: targets.get(o.indicator)!, time: o.time, value: o.value }));
      await pipeline.write({ points: writes }, { audit: { actor: "system", action: "telemetry.write", detail: {} } });
    }
    // Its roll-up fold must not outlive the database it folds into.
    await pipeline.close();
    return await filterRecord(db);
  } finally {
    await db.drop();
  }
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe("the console under SIGKILL and side by side", () => {
  it("loses no answered point when killed mid-stream, and its filters continue exactly", async () => {
    const setup = await prepare();
    cleanups.push(setup.remove);
    let app = await startApp(setup.env);
    cleanups.push(() => app.kill());
    const answered = new Set<number>();
    let i = 0;
    for (const killAt of [12, 27, BATCHES]) {
      for (; i < killAt; i += 1) {
        expect(await send(app, setup.token, i), app.output()).toBe(200);
        answered.add(i);
      }
      if (killAt === BATCHES) break;
      // Kill while the next batch is on its way: it may or may not commit, and its sender gets no answer.
      const inFlight = send(app, setup.token, i).catch(() => 0);
      await new Promise((resolve) => setTimeout(resolve, 5 + killAt));
      await app.kill("SIGKILL");
      if ((await inFlight) === 200) answered.add(i);
      app = await startApp(setup.env);
      // A sender retries what got no answer; the Idempotency-Key makes that safe whether or not it committed.
    }
    await app.kill("SIGTERM");
    const db = setup.open();
    try {
      const stored = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM observation`);
      expect(stored[0]!.n).toBe(BATCHES * KEYS.length * PER_INDICATOR);
      expect(answered.size).toBeGreaterThanOrEqual(BATCHES - 2);
      const record = await filterRecord(db);
      expect(record.events.length).toBeGreaterThan(0);
      expect(record).toEqual(await reference((b) => batch(b).observations));
    } finally {
      await db.close();
    }
  });

  it("two servers ingesting the same indicators at once lose and double no update", async () => {
    const setup = await prepare();
    cleanups.push(setup.remove);
    const apps = await Promise.all([startApp(setup.env), startApp(setup.env)]);
    cleanups.push(() => Promise.all(apps.map((a) => a.kill())).then(() => undefined));
    // Four senders take batches in order, alternating between the servers: neighbouring batches race.
    let next = 0;
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let i = next++; i < BATCHES; i = next++) statuses.push(await send(apps[i % 2]!, setup.token, i));
      }),
    );
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const db = setup.open();
    try {
      const record = await filterRecord(db);
      for (const row of record.stepped) expect(row).toMatchObject({ stored: BATCHES * PER_INDICATOR });
      // Every stored point stepped its filter at most once: the cursor counts exactly the stepped rows.
      expect(record.cursors.map((c) => [c.key, c.steps])).toEqual(record.stepped.map((s) => [s.key, s.stepped]));
      // And the filters saw exactly the in-order points, in order: the same as one writer given only those.
      const steppedPoints = await db.sql.query<{ key: string; t: number }>(
        `SELECT i.key, (extract(epoch FROM o.observed_at) * 1000)::float8 AS t FROM observation o JOIN indicator i ON i.id = o.indicator_id WHERE o.stepped`,
      );
      const wasStepped = new Set(steppedPoints.map((p) => `${p.key}@${Number(p.t)}`));
      const alone = await reference((b) => batch(b).observations.filter((o) => wasStepped.has(`${o.indicator}@${o.time}`)));
      expect({ events: record.events, cursors: record.cursors }).toEqual({ events: alone.events, cursors: alone.cursors });
    } finally {
      await db.close();
    }
  });
});
