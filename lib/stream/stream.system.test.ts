import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseModel } from "@/lib/model-file/parse-model";
import { readStreamEventsAfter } from "@/lib/store/stream-events";
import { narrowEvent } from "@/lib/stream/event-visibility";
import { startApp, type AppProcess } from "@/lib/testing/app-process";
import { SseReader } from "@/lib/testing/sse-client";
import { prepareSystemDatabase, type SystemDatabase } from "@/lib/testing/system-database";
import { insertTestKeys, testToken } from "@/lib/testing/test-keys";
import { seededRandom } from "@/lib/vsm/random";
import { MINUTE } from "@/lib/vsm/types";

/**
 * The live stream across instances (docs/live-stream.md), through two built consoles on one
 * database: a signal raised by a batch posted to instance A reaches a client of instance B; a
 * client that goes away and comes back with Last-Event-ID gets every event it missed exactly
 * once. On PostgreSQL, B learns of A's writes by NOTIFY; on the embedded database (A owns it, B
 * connects through A's socket) by reading the log every 200 ms.
 */
const MODEL = parseModel(
  `version: 1
systems:
  - { path: acme, name: Acme }
  - path: acme/ops
    name: Ops
    indicators:
      - { key: latency-p99, name: p99 latency, unit: ms, direction: down }
  - path: acme/sales
    name: Sales
    indicators:
      - { key: orders, name: Orders, unit: 1/min, direction: up }
`,
  "yaml",
);

let setup: SystemDatabase;
let a: AppProcess;
let b: AppProcess;
beforeAll(async () => {
  setup = await prepareSystemDatabase(MODEL, "vsm_stream");
  const db = setup.open();
  try {
    await insertTestKeys(db.sql, ["", "acme/ops"]);
  } finally {
    await db.close();
  }
  a = await startApp(setup.env);
  b = await startApp(setup.env);
}, 120_000);
afterAll(async () => {
  await b?.kill("SIGTERM");
  await a?.kill("SIGTERM");
  await setup?.remove();
});

const T0 = Date.now() - 10 * 24 * 60 * MINUTE;
let minute = 0;
const random = seededRandom(11);
function points(unit: string, indicator: string, n: number, level: (i: number) => number) {
  const start = minute;
  minute += n;
  return Array.from({ length: n }, (_, i) => ({ unit, indicator, time: T0 + (start + i) * MINUTE, value: level(i) + random.normal() }));
}

async function post(app: AppProcess, observations: unknown[]): Promise<void> {
  const response = await fetch(`${app.url}/api/v1/observations`, {
    method: "POST",
    headers: { authorization: `Bearer ${testToken("ingest", "").token}`, "content-type": "application/json" },
    body: JSON.stringify({ observations }),
  });
  expect(response.status, await response.text()).toBe(200);
}

async function connect(app: AppProcess, lastEventId?: string): Promise<SseReader> {
  const headers: Record<string, string> = { authorization: `Bearer ${testToken("viewer", "acme/ops").token}` };
  if (lastEventId !== undefined) headers["last-event-id"] = lastEventId;
  const response = await fetch(`${app.url}/api/v1/stream`, { headers });
  expect(response.status).toBe(200);
  return new SseReader(response);
}

describe("the live stream across two instances", () => {
  it("brings a signal raised through instance A to a client of instance B", async () => {
    const client = await connect(b);
    // Give B's hub a moment to subscribe before the batch, as a browser would have been connected for a while.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await post(
      a,
      points("acme/ops", "latency-p99", 80, (i) => (i < 60 ? 100 : 140)),
    );
    const events = await client.until((e) => e.event === "signal", 20_000);
    await client.close();
    const signal = JSON.parse(events.at(-1)!.data) as { data: { unit: string; valence: string } };
    expect(signal.data).toMatchObject({ unit: "acme/ops", valence: "pain" });
  });

  it("sends a client that comes back with Last-Event-ID every event it missed, exactly once, whichever instance it returns to", async () => {
    const first = await connect(b);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await post(
      a,
      points("acme/ops", "latency-p99", 10, () => 140),
    );
    const [seen] = await first.until(() => true, 20_000);
    await first.close();
    const lastSeen = seen!.id!;

    await post(
      a,
      points("acme/ops", "latency-p99", 40, () => 100),
    );
    await post(
      b,
      points("acme/sales", "orders", 10, () => 50),
    );
    await post(b, [...points("acme/ops", "latency-p99", 5, () => 100), ...points("acme/sales", "orders", 5, () => 50)]);

    const db = setup.open();
    const view = { readScopes: ["acme/ops"], units: [], kinds: [] };
    const missed = await readStreamEventsAfter(db.sql, Number(lastSeen), 10_000).finally(() => db.close());
    const visible = missed.flatMap((e) => narrowEvent(e, view) ?? []);
    expect(visible.length).toBeGreaterThanOrEqual(3);

    for (const app of [a, b]) {
      const again = await connect(app, lastSeen);
      const resumed = await again.until((e) => Number(e.id) === visible.at(-1)!.id, 20_000);
      expect(await again.next(500)).toBeNull();
      await again.close();
      expect(resumed.map((e) => Number(e.id))).toEqual(visible.map((e) => e.id));
    }
  });
});
