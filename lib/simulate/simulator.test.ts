import { describe, expect, it } from "vitest";
import { decodeAlerts } from "@/lib/ingest/alertmanager/decode-alerts";
import { decodeObservationBatch } from "@/lib/ingest/json/decode-observation-batch";
import { decodeOtlpJson } from "@/lib/ingest/otlp/decode-otlp-metrics";
import { parseModel } from "@/lib/model-file/parse-model";
import { antiPhase, during, rampTo, silentFrom, spikesAt, stepTo, type Incident } from "@/lib/simulate/incident";
import type { IngestClient } from "@/lib/simulate/ingest-client";
import { alertsBody, observationsBody, otlpCountersBody } from "@/lib/simulate/request-bodies";
import { SCENARIOS, scriptLength } from "@/lib/simulate/scenarios";
import { SeriesGenerator } from "@/lib/simulate/series-generator";
import { seriesProfile } from "@/lib/simulate/series-profile";
import { runSimulator } from "@/lib/simulate/simulator";
import { seededRandom } from "@/lib/vsm/random";
import { MINUTE } from "@/lib/vsm/types";

const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);

describe("incident effects", () => {
  it("step, ramp, window, spikes, anti-phase and silence act at their simulated minutes", () => {
    expect([59.9, 60, 500].map((m) => stepTo(60, 1.8)(0, m))).toEqual([1, 1.8, 1.8]);
    expect([89, 90, 135, 180, 300].map((m) => rampTo(90, 180, 4)(0, m))).toEqual([1, 1, 2.5, 4, 4]);
    expect([44, 45, 59.5, 60].map((m) => during(45, 60, 6)(0, m))).toEqual([1, 6, 6, 1]);
    expect([49.9, 50, 50.5, 51, 95].map((m) => spikesAt([50, 95], 5)(0, m))).toEqual([1, 5, 5, 1, 5]);
    const swing = antiPhase(60, 240, 30, 0.25);
    // A quarter period in: one at its peak, the other at its trough; the two always sum to 2.
    expect(swing(0, 67.5)).toBeCloseTo(1.25, 12);
    expect(swing(1, 67.5)).toBeCloseTo(0.75, 12);
    expect(swing(0, 100)! + swing(1, 100)!).toBeCloseTo(2, 12);
    expect(swing(0, 240)).toBe(1);
    expect([119, 120].map((m) => silentFrom(120)(0, m))).toEqual([1, null]);
  });

  it("the saas script plays within its first simulated hours", () => {
    expect(scriptLength(SCENARIOS.saas!)).toBe(240);
    expect(new Set(SCENARIOS.saas!.map((i) => i.kind)).size).toBe(8);
  });
});

describe("series", () => {
  const latency = seriesProfile({ key: "latency-p99", family: "latency", unit: "ms", direction: "down", index: "raw" }, 0.5);

  it("is the same for the same seed and differs for another", () => {
    const run = (seed: number) => {
      const g = new SeriesGenerator(latency, seededRandom(seed));
      return Array.from({ length: 50 }, (_, i) => g.value(NOW + i * MINUTE));
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });

  it("stays near its level, moves by an incident's factor, and keeps percentages within 0–100", () => {
    const g = new SeriesGenerator(latency, seededRandom(1));
    const mean = (factor: number) =>
      Array.from({ length: 2000 }, (_, i) => g.value(NOW + i * MINUTE, factor)).reduce((s, v) => s + v, 0) / 2000;
    expect(mean(1) / latency.level).toBeGreaterThan(0.97);
    expect(mean(1) / latency.level).toBeLessThan(1.03);
    expect(mean(1.8) / latency.level).toBeGreaterThan(1.75);
    const slo = seriesProfile({ key: "availability", family: "slo", unit: "%", direction: "up", index: "raw" }, 0.99);
    const s = new SeriesGenerator(slo, seededRandom(2));
    const values = Array.from({ length: 2000 }, (_, i) => s.value(NOW + i * MINUTE, 1.01));
    expect(Math.max(...values)).toBe(100);
  });

  it("keeps a productivity index above the band's floor when quiet, and sends per-second rates as counters", () => {
    const traffic = seriesProfile(
      {
        key: "request-rate",
        family: "traffic",
        unit: "req/s",
        direction: "up",
        index: "productivity",
        capability: 1200,
        potentiality: 3000,
      },
      0.3,
    );
    expect(traffic).toMatchObject({ level: 1200, counter: true });
    // The daily cycle's trough: 6 % under capability, well above the 0.8 floor.
    expect(traffic.level * (1 - traffic.diurnal)).toBeGreaterThan(0.9 * 1200);
    const g = new SeriesGenerator(traffic, seededRandom(3));
    const counts = [g.count(1200, 1), g.count(1200, 1), g.count(600, 2)];
    expect(counts).toEqual([1200, 2400, 3600]);
  });
});

describe("request bodies", () => {
  it("decode with the console's own decoders, nothing rejected", () => {
    const points = [
      { unit: "acme/a", indicator: "latency-p99", time: NOW - 1000, value: 212.5 },
      { unit: "acme/b", indicator: "error-rate", time: NOW - 1000, value: 0.4 },
    ];
    expect(decodeObservationBatch(observationsBody(points), { now: NOW })).toMatchObject({ rejects: [], counts: { observations: 2 } });

    const counter = (time: number, value: number) => ({ unit: "acme/a", indicator: "request-rate", time, start: NOW - 60_000, value });
    const decoded = decodeOtlpJson(otlpCountersBody([counter(NOW - 2000, 1000), counter(NOW - 1000, 2200)]), {
      now: NOW,
      memory: new Map(),
    });
    expect(decoded.rejects).toEqual([]);
    // The first point of a cumulative series only sets the baseline; the second is 1,200 a second.
    expect(decoded.observations).toEqual([{ unitPath: "acme/a", indicatorKey: "request-rate", time: NOW - 1000, value: 1200 }]);

    const alert = { unit: "acme/a", name: "TrafficCollapse", severity: "critical" as const, summary: "down" };
    const alerts = decodeAlerts(alertsBody(alert, NOW - 60_000, NOW + 240_000), { now: NOW });
    expect(alerts.events).toHaveLength(1);
    expect(alerts.events[0]).toMatchObject({ unitPath: "acme/a", name: "TrafficCollapse", resolved: false });
  });
});

describe("runSimulator", () => {
  const MODEL = parseModel(
    `version: 1
systems:
  - path: acme
    name: Acme
    indicators:
      - { key: latency-p99, name: Latency, unit: ms, direction: down, family: latency }
      - { key: request-rate, name: Requests, unit: req/s, direction: up, family: traffic, index: productivity, capability: 100, potentiality: 300 }
`,
    "yaml",
  );
  const INCIDENT: Incident = {
    name: "outage",
    kind: "crisis",
    description: "requests fall",
    targets: [{ unit: "acme", indicator: "request-rate" }],
    from: 2,
    to: 4,
    effect: during(2, 4, 0.2),
    alert: { unit: "acme", name: "Down", severity: "critical", summary: "down" },
    expect: { signal: "crisis" },
  };

  it("posts a point per series per simulated minute, stamped with the real time it stands for, and the alert while it fires", async () => {
    let clock = NOW;
    const posts: { path: string; body: unknown }[] = [];
    const client: IngestClient = {
      async post(path, body) {
        posts.push({ path, body });
        return {};
      },
    };
    const lines: string[] = [];
    // The clock jumps a simulated minute (one real second at speed 60) each time the loop looks at it.
    const totals = await runSimulator({
      client,
      model: MODEL,
      incidents: [INCIDENT],
      seed: 42,
      speed: 60,
      minutes: 6,
      now: () => (clock += 1000),
      log: (line) => lines.push(line),
    });
    expect(totals).toMatchObject({ observations: 7, counterPoints: 7, minutes: 7 });
    const times = posts
      .filter((p) => p.path === "/api/v1/observations")
      .flatMap((p) => (p.body as { observations: { time: number }[] }).observations.map((o) => o.time));
    expect(times.map((t) => t - times[0]!)).toEqual([0, 1000, 2000, 3000, 4000, 5000, 6000]);
    const alertPosts = posts.filter((p) => p.path === "/api/v2/alerts").map((p) => (p.body as { endsAt: string }[])[0]!);
    // Firing (ending ahead), then resolved once with the time it ended.
    expect(alertPosts).toHaveLength(2);
    expect(Date.parse(alertPosts[0]!.endsAt)).toBeGreaterThan(Date.parse(alertPosts[1]!.endsAt) + 60_000);
    expect(lines).toEqual(["00:02 simulated: outage — requests fall"]);
  });

  it("posts what fell due together at most once a second when it runs fast", async () => {
    let clock = NOW;
    const bodies: { observations: { time: number }[] }[] = [];
    const client: IngestClient = {
      async post(path, body) {
        if (path === "/api/v1/observations") bodies.push(body as { observations: { time: number }[] });
        return {};
      },
    };
    // At 600× a simulated minute is 100 ms: 61 points of one series within about six seconds.
    await runSimulator({ client, model: MODEL, incidents: [], seed: 1, speed: 600, minutes: 60, now: () => (clock += 500) });
    const times = bodies.flatMap((b) => b.observations.map((o) => o.time));
    expect(times).toHaveLength(61);
    expect(times.map((t) => t - times[0]!)).toEqual(Array.from({ length: 61 }, (_, i) => i * 100));
    expect(bodies.length).toBeLessThanOrEqual(8);
  });

  it("refuses a speed that is not a positive number", async () => {
    const client: IngestClient = { post: async () => ({}) };
    await expect(runSimulator({ client, model: MODEL, incidents: [], seed: 1, speed: 0 })).rejects.toThrow(/speed/);
  });
});
