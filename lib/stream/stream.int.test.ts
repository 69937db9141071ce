import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyResolver } from "@/lib/auth/key-resolver";
import { createRouteWrapper } from "@/lib/http";
import { queueStreamEvents, readStreamEventsAfter, type StreamEvent } from "@/lib/store/stream-events";
import { narrowEvent } from "@/lib/stream/event-visibility";
import { StreamHub } from "@/lib/stream/stream-hub";
import { streamRoute } from "@/lib/stream/stream-route";
import { SseReader, type ReceivedEvent } from "@/lib/testing/sse-client";
import { bearer, createTelemetryHarness, post, type TelemetryHarness } from "@/lib/testing/telemetry-harness";
import { seededRandom } from "@/lib/vsm/random";
import { MINUTE } from "@/lib/vsm/types";

/**
 * The live stream end to end inside one process (docs/live-stream.md): real batches through the
 * real ingestion route write the event log in their transactions; the real stream route, behind
 * real API keys, sends each client what it may read, once, and resumes from Last-Event-ID.
 */
let h: TelemetryHarness;
let hub: StreamHub;
let stream: (request: Request) => Promise<Response>;
const T0 = Date.now() - 20 * 24 * 60 * MINUTE;
let minute = 0;

beforeAll(async () => {
  h = await createTelemetryHarness();
  hub = new StreamHub(h.db.sql);
  const withRoute = createRouteWrapper({ resolver: apiKeyResolver(async () => h.db.sql), log: pino({ level: "silent" }) });
  stream = streamRoute(withRoute, async () => hub, { heartbeatMs: 60_000, maxDurationMs: 60_000, retryMs: 1_000 });
});
afterAll(() => h.close());

const random = seededRandom(7);
/** `n` points a minute apart, later than any made before, of one unit's indicator. */
function points(unit: string, indicator: string, n: number, level: (i: number) => number) {
  const start = minute;
  minute += n;
  return Array.from({ length: n }, (_, i) => ({ unit, indicator, time: T0 + (start + i) * MINUTE, value: level(i) + random.normal() }));
}

async function send(observations: unknown[]): Promise<void> {
  const response = await h.routes.observations(
    post("/api/v1/observations", JSON.stringify({ observations }), { "content-type": "application/json", ...bearer("ingest", "") }),
  );
  expect(response.status, await response.clone().text()).toBe(200);
  await hub.wake();
}

function connect(role: "viewer" | "ingest" | "operator", scope: string, query = "", lastEventId?: string): Promise<Response> {
  const headers: Record<string, string> = { ...bearer(role, scope) };
  if (lastEventId !== undefined) headers["last-event-id"] = lastEventId;
  return stream(new Request(`http://localhost/api/v1/stream${query}`, { headers }));
}

const parsed = (e: ReceivedEvent) => JSON.parse(e.data) as { id: number; kind: string; data: Record<string, unknown> };

describe("GET /api/v1/stream", () => {
  it("sends a subtree's viewer its observations, signals and timeline as they are written, and nothing of other subtrees", async () => {
    const response = await connect("viewer", "acme/ops");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    const client = new SseReader(response);

    await send(points("acme/sales", "orders", 30, () => 50));
    // A pain step: p99 latency is better lower.
    await send(points("acme/ops/payments", "latency-p99", 80, (i) => (i < 60 ? 100 : 140)));
    const events = await client.until((e) => e.event === "signal", 10_000);
    await client.close();

    expect(events[0]?.event).toBe("observations");
    const summary = parsed(events[0]!).data as {
      units: Record<string, { points: number; indicators: Record<string, { points: number }> }>;
    };
    expect(Object.keys(summary.units)).toEqual(["acme/ops/payments"]);
    expect(summary.units["acme/ops/payments"]?.indicators["latency-p99"]?.points).toBe(80);
    const signal = parsed(events.at(-1)!).data;
    expect(signal).toMatchObject({ unit: "acme/ops/payments", indicator: "latency-p99", valence: "pain", kind: "step" });
    // Ids rise, and each frame's id is the id inside its data.
    const ids = events.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(events.every((e) => parsed(e).id === Number(e.id))).toBe(true);
  });

  it("resumes from Last-Event-ID with every event the client may read that it missed, exactly once", async () => {
    const first = new SseReader(await connect("viewer", "acme/ops"));
    await send(points("acme/ops/payments", "latency-p99", 10, () => 140));
    const [seen] = await first.until(() => true, 10_000);
    await first.close();
    const lastSeen = Number(seen!.id);

    // While it is away: more points, a second unit's batch it may not see, and a batch of both.
    await send(points("acme/ops/payments", "latency-p99", 40, () => 100));
    await send(points("acme/sales", "orders", 10, () => 50));
    await send([...points("acme/ops/payments", "latency-p99", 5, () => 100), ...points("acme/sales", "orders", 5, () => 50)]);

    const view = { readScopes: ["acme/ops"], units: [], kinds: [] };
    const missed = (await readStreamEventsAfter(h.db.sql, lastSeen, 10_000)).flatMap((e) => narrowEvent(e, view) ?? []);
    expect(missed.length).toBeGreaterThanOrEqual(2);

    const again = new SseReader(await connect("viewer", "acme/ops", "", String(lastSeen)));
    const resumed = await again.until((e) => Number(e.id) === missed.at(-1)!.id, 10_000);
    // Nothing more is queued for it: a moment's wait brings no duplicate.
    expect(await again.next(300)).toBeNull();
    await again.close();
    expect(resumed.map((e) => Number(e.id))).toEqual(missed.map((e) => e.id));
    // The batch of both units reached it narrowed to the unit it may read.
    const mixed = resumed.filter((e) => e.event === "observations").at(-1)!;
    expect(Object.keys((parsed(mixed).data as { units: object }).units)).toEqual(["acme/ops/payments"]);
  });

  it("treats a Last-Event-ID beyond the newest event as the newest, so the client still hears what comes next", async () => {
    const client = new SseReader(await connect("viewer", "acme/ops", "", "999999999"));
    await send(points("acme/ops/payments", "latency-p99", 5, () => 100));
    const [event] = await client.until(() => true, 10_000);
    await client.close();
    expect(event?.event).toBe("observations");
  });

  it("follows only the kinds and subtrees asked for", async () => {
    const client = new SseReader(await connect("viewer", "", "?kind=observations&unit=acme/sales"));
    await send(points("acme/ops/payments", "latency-p99", 5, () => 100));
    await send(points("acme/sales", "orders", 5, () => 50));
    const [event] = await client.until(() => true, 10_000);
    expect(await client.next(300)).toBeNull();
    await client.close();
    expect(event?.event).toBe("observations");
    expect(Object.keys((parsed(event!).data as { units: object }).units)).toEqual(["acme/sales"]);
  });

  it("refuses the anonymous, ingest-only keys, a malformed Last-Event-ID, a subtree it may not read and unknown kinds, clearly", async () => {
    const anonymous = await stream(new Request("http://localhost/api/v1/stream"));
    expect(anonymous.status).toBe(401);
    expect((await connect("ingest", "")).status).toBe(403);
    const malformed = await connect("viewer", "", "", "yesterday");
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.details).toEqual([{ path: "Last-Event-ID", message: "not a whole number" }]);
    const elsewhere = await connect("viewer", "acme/ops", "?unit=acme/sales");
    expect(elsewhere.status).toBe(403);
    expect((await elsewhere.json()).error.message).toMatch(/Nothing in "acme\/sales" may be read/);
    const kind = await connect("viewer", "", "?kind=gossip");
    expect([400, 422]).toContain(kind.status);
    expect(JSON.stringify(await kind.json())).toContain("kind");
    expect(hub.clients).toBe(0);
  });
});

describe("the event log", () => {
  it.skipIf(process.env.DATABASE_URL === undefined)(
    "hands out ids in commit order, so a reader after id n never misses a later commit with a smaller id",
    async () => {
      const sql = h.db.sql;
      let releaseFirst = () => {};
      const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
      let firstQueued = () => {};
      const queued = new Promise<void>((resolve) => (firstQueued = resolve));
      const order: string[] = [];
      const first = sql.transaction(async (tx) => {
        await queueStreamEvents(tx, [{ kind: "variety", paths: ["acme"], data: { units: ["acme"] } }]);
        tx.beforeCommit?.(async () => {
          firstQueued();
          await firstHolds;
        });
      });
      await queued;
      const second = sql
        .transaction((tx) => queueStreamEvents(tx, [{ kind: "variety", paths: ["acme"], data: { units: ["acme"] } }]))
        .then(() => order.push("second"));
      await new Promise((resolve) => setTimeout(resolve, 300));
      order.push("first releases");
      releaseFirst();
      await Promise.all([first, second]);
      expect(order).toEqual(["first releases", "second"]);
      const [a, b] = (await readStreamEventsAfter(sql, 0, 100_000)).slice(-2) as [StreamEvent, StreamEvent];
      expect(b.id).toBeGreaterThan(a.id);
    },
  );
});
