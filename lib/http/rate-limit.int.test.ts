import { randomUUID } from "node:crypto";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TransientError } from "@/lib/errors";
import { createRateLimiter, type RateLimiter } from "@/lib/http/rate-limit";
import { writeRequestBody } from "@/lib/ingest/prometheus/remote-write-fixtures";
import { bearer, createTelemetryHarness, post, type TelemetryHarness } from "@/lib/testing/telemetry-harness";

/**
 * Rate limits per API key, in memory and shared through the machine's real Redis (CI starts it,
 * .ci/run), and what a sender sees: 429 with Retry-After, or 503 for remote-write, whose sender
 * drops a batch on 429 unless told otherwise.
 */
const REDIS_URL = "redis://127.0.0.1:6379";
const silent = pino({ level: "silent" });
const opened: RateLimiter[] = [];
const limiter = (perSecond: number, burst: number, redisUrl?: string) => {
  const made = createRateLimiter({ perSecond, burst, redisUrl }, silent);
  opened.push(made);
  return made;
};
afterAll(async () => {
  await Promise.all(opened.map((l) => l.close()));
});

async function outcomes(consume: () => Promise<void>, times: number): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < times; i += 1) {
    try {
      await consume();
      seen.push("ok");
    } catch (error) {
      seen.push(error instanceof TransientError ? `${error.code} ${error.retryAfterSeconds}s` : String(error));
    }
  }
  return seen;
}

describe("the rate limiter", () => {
  it("allows the steady rate plus the burst, then answers rate_limited with the wait", async () => {
    const l = limiter(2, 1);
    const key = randomUUID();
    expect(await outcomes(() => l.consume(key), 4)).toEqual(["ok", "ok", "ok", "rate_limited 1s"]);
    expect(await outcomes(() => l.consume(randomUUID()), 1)).toEqual(["ok"]);
  });

  it("shares a key's budget between instances through Redis", async () => {
    const a = limiter(2, 0, REDIS_URL);
    const b = limiter(2, 0, REDIS_URL);
    const key = randomUUID();
    // Until a connection is ready each process counts in memory; wait for both to share.
    while (a.backend() !== "redis" || b.backend() !== "redis") await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await outcomes(() => a.consume(key), 2)).toEqual(["ok", "ok"]);
    expect(await outcomes(() => b.consume(key), 1)).toEqual(["rate_limited 1s"]);
  });

  it("falls back to the process's own memory at once when Redis is unreachable", async () => {
    const l = limiter(2, 0, "redis://127.0.0.1:1");
    const key = randomUUID();
    // Give the client time to try and fail to connect, so the fallback is taken after a failure.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(l.backend()).toBe("memory (redis unavailable)");
    const started = performance.now();
    expect(await outcomes(() => l.consume(key), 3)).toEqual(["ok", "ok", "rate_limited 1s"]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe("rate-limited requests", () => {
  let h: TelemetryHarness;
  beforeAll(async () => {
    h = await createTelemetryHarness(undefined, { limiter: limiter(1, 0) });
  });
  afterAll(() => h.close());

  it("answer 429 with Retry-After on the JSON endpoint, and 503 with Retry-After on remote-write", async () => {
    const json = () =>
      post("/x", JSON.stringify({ observations: [] }), { "content-type": "application/json", ...bearer("ingest", "acme") });
    const statuses = [];
    for (let i = 0; i < 2; i += 1) statuses.push(await h.routes.observations(json()));
    expect(statuses.map((r) => r.status)).toEqual([200, 429]);
    expect(statuses[1]!.headers.get("retry-after")).toBe("1");
    expect(await statuses[1]!.json()).toMatchObject({ error: { code: "rate_limited" } });

    const write = () =>
      post("/x", writeRequestBody([]), {
        "content-type": "application/x-protobuf",
        "content-encoding": "snappy",
        ...bearer("ingest", "acme/ops"),
      });
    const writes = [await h.routes.remoteWrite(write()), await h.routes.remoteWrite(write())];
    expect(writes.map((r) => r.status)).toEqual([204, 503]);
    expect(writes[1]!.headers.get("retry-after")).toBe("1");
    expect(await writes[1]!.json()).toMatchObject({ error: { code: "unavailable" } });
  });
});
