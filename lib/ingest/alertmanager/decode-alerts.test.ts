import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countsBalance } from "../ingest-counts";
import { MalformedBodyError } from "../malformed-body";
import { decodeAlerts, RESOLVE_TIMEOUT_MS } from "./decode-alerts";

/**
 * The fixtures are the bodies a real Prometheus 2.42 POSTed to `/api/v2/alerts` for a rule
 * `vsm_demo_queue_depth > 5` (labels from a target with `vsm_unit: acme/ops`): first while firing
 * (endsAt = startsAt + 4 min), then after its series went stale (endsAt = the time it resolved).
 * The expected statuses are what a real Alertmanager 0.25 answered to the same bodies.
 */
const captured = (name: string): unknown => JSON.parse(readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8"));
const STARTS = Date.parse("2026-11-30T13:55:17.861Z");
const LABELS = { alertname: "QueueTooDeep", instance: "127.0.0.1:19100", job: "demo", severity: "page", vsm_unit: "acme/ops" };

describe("decodeAlerts on alerts Prometheus sent", () => {
  it("makes a firing alert an event of the unit named by vsm_unit, with Alertmanager's fingerprint", () => {
    const result = decodeAlerts(captured("prometheus-2.42-firing.json"), { now: STARTS + 20 });
    expect(result.events).toEqual([
      {
        unitPath: "acme/ops",
        name: "QueueTooDeep",
        labels: LABELS,
        annotations: { summary: "Queue depth 7 on acme/ops" },
        startsAt: STARTS,
        endsAt: STARTS + 240_000,
        endsAtDefaulted: false,
        generatorURL: "http://vm:19090/graph?g0.expr=vsm_demo_queue_depth+%3E+5&g0.tab=1",
        fingerprint: "c6691452fc86aa36",
        resolved: false,
      },
    ]);
    expect(result.status).toBe(200);
  });

  it("reads the re-sent alert with a past endsAt as resolved, with the same fingerprint", () => {
    const result = decodeAlerts(captured("prometheus-2.42-resolved.json"), { now: STARTS + 3013 });
    expect(result.events[0]).toMatchObject({ fingerprint: "c6691452fc86aa36", endsAt: STARTS + 3000, resolved: true });
  });
});

describe("decodeAlerts validation, as Alertmanager 0.25 answers", () => {
  const NOW = Date.UTC(2024, 4, 1, 12);
  const decode = (body: unknown) => decodeAlerts(body, { now: NOW });

  it("fails with 400 for a body that is not an array or has values of the wrong type", () => {
    for (const body of [
      { labels: { a: "b" } },
      "x",
      5,
      [null],
      [{ labels: { a: 5 } }],
      [{ labels: { a: "b" }, startsAt: "yesterday" }],
      [{ labels: { a: "b" }, annotations: [] }],
    ]) {
      expect(() => decode(body), JSON.stringify(body)).toThrow(MalformedBodyError);
      expect(() => decode(body)).toThrow(expect.objectContaining({ status: 400 }));
    }
  });

  it("fails with 422 when an alert has no labels at all", () => {
    expect(() => decode([{ labels: { a: "b" } }, { annotations: {} }])).toThrow(
      expect.objectContaining({
        status: 422,
        message: "alerts[1].labels in body is required",
        details: [{ path: "alerts[1].labels", message: "labels is required" }],
      }),
    );
  });

  it("answers 400 for alerts that fail Alertmanager's checks, and still takes the valid ones", () => {
    const result = decode([
      { labels: { alertname: "Ok", vsm_unit: "acme" } },
      { labels: {} },
      { labels: { "a-b": "c" } },
      { labels: { a: "b" }, annotations: { "x-y": "1" } },
      { labels: { a: "b" }, startsAt: "2024-01-02T00:00:00Z", endsAt: "2024-01-01T00:00:00Z" },
    ]);
    expect(result.status).toBe(400);
    expect(result.rejects.map((r) => [r.at, r.code, r.message])).toEqual([
      ["alerts[1]", "invalid_alert", "at least one label pair required"],
      ["alerts[2]", "invalid_alert", 'invalid label set: invalid name "a-b"'],
      ["alerts[3]", "invalid_alert", 'invalid annotations: invalid name "x-y"'],
      ["alerts[4]", "invalid_alert", "start time must be before end time"],
    ]);
    expect(result.events.map((e) => e.name)).toEqual(["Ok"]);
  });

  it("answers 200 to an empty array and to null, as Alertmanager does", () => {
    expect(decode([])).toMatchObject({ events: [], status: 200 });
    expect(decode(null)).toMatchObject({ events: [], status: 200 });
  });

  it("counts alerts without a usable vsm_unit as unassigned, not as errors", () => {
    const result = decode([{ labels: { alertname: "DiskFull" } }, { labels: { alertname: "DiskFull", vsm_unit: "Acme" } }]);
    expect(result.status).toBe(200);
    expect(result.rejects.map((r) => [r.code, r.message])).toEqual([
      ["missing_unit", "alert DiskFull has no vsm_unit label naming its unit"],
      ["invalid_unit", expect.stringMatching(/^alert DiskFull: vsm_unit "Acme": /)],
    ]);
  });

  it("fills missing times as Alertmanager does, and treats Go's zero time as missing", () => {
    const [noTimes, onlyEnd, zeroEnd] = decode([
      { labels: { a: "1", vsm_unit: "acme" } },
      { labels: { a: "2", vsm_unit: "acme" }, endsAt: "2024-05-01T11:00:00Z" },
      { labels: { a: "3", vsm_unit: "acme" }, startsAt: "2024-05-01T11:30:00Z", endsAt: "0001-01-01T00:00:00Z" },
    ]).events;
    expect(noTimes).toMatchObject({ startsAt: NOW, endsAt: NOW + RESOLVE_TIMEOUT_MS, endsAtDefaulted: true, resolved: false, name: null });
    expect(onlyEnd).toMatchObject({ startsAt: NOW - 3_600_000, endsAt: NOW - 3_600_000, resolved: true });
    expect(zeroEnd).toMatchObject({ startsAt: NOW - 1_800_000, endsAt: NOW + RESOLVE_TIMEOUT_MS, endsAtDefaulted: true });
  });

  it("keeps the last of an alert repeated in one body, and resolves exactly at endsAt", () => {
    const result = decode([
      { labels: { alertname: "X", vsm_unit: "acme" }, endsAt: "2024-05-01T12:04:00Z" },
      { labels: { vsm_unit: "acme", alertname: "X" }, endsAt: "2024-05-01T12:00:00Z" },
    ]);
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({ endsAt: NOW, resolved: true });
    expect(result.counts).toMatchObject({ points: 2, observations: 1, superseded: 1 });
    expect(countsBalance(result.counts)).toBe(true);
  });
});
