import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getObservations } from "@/lib/api/routes/observations";
import { errorSchema } from "@/lib/api/schemas/common";
import { encodeJournal } from "@/lib/pipeline/journal-codec";
import { appendJournal } from "@/lib/store/rollup-journal";
import { call, createApiHarness, type ApiHarness } from "@/lib/testing/api-harness";
import { settleRollups } from "@/lib/testing/settle-rollups";
import { bearer, post } from "@/lib/testing/telemetry-harness";
import { DAY, HOUR, MINUTE } from "@/lib/vsm/types";

/**
 * GET /api/v1/observations on a real database: the buckets' numbers against the same statistics
 * computed from the raw points, whichever roll-up answers, folded or still in the journal.
 */
let h: ApiHarness;
/** Midnight UTC two days ago: every hour and day edge in the range is a bucket edge. */
const B = Math.floor(Date.now() / DAY) * DAY - 2 * DAY;
/** Three hours of a point a minute, a sawtooth 100…109 with a step up of 50 in the third hour. */
const points = Array.from({ length: 180 }, (_, i) => ({ time: B + i * MINUTE, value: 100 + (i % 10) + (i >= 120 ? 50 : 0) }));

beforeAll(async () => {
  h = await createApiHarness();
  const observations = points.map((p) => ({ unit: "acme/ops/payments", indicator: "latency-p99", ...p }));
  const response = await h.routes.observations(
    post("/api/v1/observations", JSON.stringify({ observations }), { "content-type": "application/json", ...bearer("ingest", "") }),
  );
  expect(response.status).toBe(200);
  await settleRollups(h.db.sql);
});
afterAll(() => h.close());

/** The statistics of the points in [from, to), the plain way. */
function expected(from: number, to: number) {
  const values = points.filter((p) => p.time >= from && p.time < to).map((p) => p.value);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return {
    start: from,
    count: values.length,
    sum: values.reduce((a, b) => a + b, 0),
    mean,
    sd: Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length),
    min: Math.min(...values),
    max: Math.max(...values),
  };
}

function closeTo(actual: ReturnType<typeof expected>[], wanted: ReturnType<typeof expected>[]) {
  expect(actual.map((b) => [b.start, b.count, b.sum, b.min, b.max])).toEqual(wanted.map((b) => [b.start, b.count, b.sum, b.min, b.max]));
  actual.forEach((b, i) => {
    expect(b.mean).toBeCloseTo(wanted[i]!.mean, 9);
    expect(b.sd).toBeCloseTo(wanted[i]!.sd, 9);
  });
}

const query = (q: Record<string, string | number>, headers: Record<string, string> = bearer("viewer", "acme/ops")) =>
  call(h.api.getObservations, `/api/v1/observations?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]))}`, {
    headers,
  });
const range = { unit: "acme/ops/payments", indicator: "latency-p99" };

async function buckets(q: Record<string, string | number>) {
  const response = await query({ ...range, ...q });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return getObservations.response.schema.parse(response.body);
}

describe("GET /api/v1/observations", () => {
  it("sums hour roll-ups into hourly steps", async () => {
    const body = await buckets({ from: B, to: B + 3 * HOUR, step: "1h" });
    expect(body).toMatchObject({ ...range, from: B, to: B + 3 * HOUR, step: HOUR, resolution: "hour" });
    closeTo(
      body.buckets,
      [0, 1, 2].map((k) => expected(B + k * HOUR, B + (k + 1) * HOUR)),
    );
    // The third hour's step up shows in its mean and range.
    expect(body.buckets[2]).toMatchObject({ min: 150, max: 159 });
  });

  it("takes minute roll-ups where an hour would straddle two steps, and day roll-ups for whole days", async () => {
    const ninety = await buckets({ from: B, to: B + 3 * HOUR, step: "90m" });
    expect(ninety.resolution).toBe("minute");
    closeTo(ninety.buckets, [expected(B, B + 90 * MINUTE), expected(B + 90 * MINUTE, B + 3 * HOUR)]);
    const day = await buckets({ from: new Date(B).toISOString(), to: new Date(B + DAY).toISOString(), step: "1d" });
    expect(day.resolution).toBe("day");
    closeTo(day.buckets, [expected(B, B + DAY)]);
  });

  it("answers only the steps that hold points, over a range not a multiple of the step", async () => {
    const body = await buckets({ from: B + 150 * MINUTE, to: B + 4 * HOUR + 5 * MINUTE, step: "20m" });
    expect(body.resolution).toBe("minute");
    closeTo(body.buckets, [expected(B + 150 * MINUTE, B + 170 * MINUTE), expected(B + 170 * MINUTE, B + 190 * MINUTE)]);
    expect((await buckets({ from: B - DAY, to: B, step: "1h" })).buckets).toEqual([]);
  });

  it("adds the points still in the roll-up journal exactly once, before and after they are folded", async () => {
    const [cursor] = await h.db.sql.query<{ id: number; bin_width: number }>(
      `SELECT c.indicator_id AS id, c.bin_width FROM filter_cursor c JOIN indicator i ON i.id = c.indicator_id WHERE i.key = 'latency-p99'`,
    );
    // Two points of a later hour, as a batch leaves them before the fold.
    const late = [
      { time: B + 3 * HOUR + MINUTE, value: 300 },
      { time: B + 3 * HOUR + 2 * MINUTE, value: 310 },
    ];
    await appendJournal(
      h.db.sql,
      encodeJournal({
        points: late.map((p) => ({ indicatorId: cursor!.id, ...p })),
        binWidths: new Map([[cursor!.id, cursor!.bin_width]]),
      }),
    );
    points.push(...late);
    const wanted = [0, 1, 2, 3].map((k) => expected(B + k * HOUR, B + (k + 1) * HOUR));
    closeTo((await buckets({ from: B, to: B + 4 * HOUR, step: "1h" })).buckets, wanted);
    await settleRollups(h.db.sql);
    closeTo((await buckets({ from: B, to: B + 4 * HOUR, step: "1h" })).buckets, wanted);
  });

  it("names what is wrong with a range", async () => {
    const refused = async (q: Record<string, string | number>, status: number, field: string) => {
      const response = await query({ ...range, from: B, to: B + HOUR, step: "5m", ...q });
      expect(response.status, JSON.stringify(q)).toBe(status);
      expect(errorSchema.parse(response.body).error.details).toEqual([expect.objectContaining({ in: "query", path: field })]);
    };
    await refused({ to: B - HOUR }, 422, "to");
    await refused({ from: B + 30_000 }, 422, "from");
    await refused({ step: "30s" }, 422, "step");
    await refused({ from: B - 365 * DAY, step: "1m" }, 422, "step");
    await refused({ from: "last tuesday" }, 422, "from");
    await refused({ indicator: "Latency P99" }, 422, "indicator");
    const missing = await call(h.api.getObservations, `/api/v1/observations?unit=acme/ops/payments&from=${B}&to=${B + HOUR}&step=5m`, {
      headers: bearer("viewer", ""),
    });
    expect(missing.status).toBe(400);
    expect(errorSchema.parse(missing.body).error.details).toEqual([expect.objectContaining({ in: "query", path: "indicator" })]);
  });

  it("is only for readers of the unit: 404 outside their subtrees as for an unknown indicator, 403 for ingest keys", async () => {
    const window = { ...range, from: B, to: B + HOUR, step: "1h" };
    expect((await query(window, bearer("viewer", "acme/sales"))).status).toBe(404);
    expect((await query({ ...window, indicator: "nope" }, bearer("viewer", ""))).status).toBe(404);
    expect((await query(window, bearer("ingest", "acme/ops"))).status).toBe(403);
    expect((await query(window, {})).status).toBe(401);
    expect((await query(window, bearer("operator", "acme/ops/payments"))).status).toBe(200);
  });
});
