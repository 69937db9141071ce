import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseModel } from "@/lib/model-file/parse-model";
import { Pipeline } from "@/lib/pipeline/pipeline";
import { indicatorsByName, type IndicatorTarget } from "@/lib/store/indicator-runtimes";
import { readRecentPoints } from "@/lib/store/recent-points";
import { exportModel } from "@/lib/store/model-export";
import { importModel } from "@/lib/store/model-import";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { diagnoseModel, seriesToReadFor } from "@/lib/view/diagnose-model";
import type { Finding } from "@/lib/vsm/diagnosis/finding";
import { seededRandom } from "@/lib/vsm/random";
import { DAY, HOUR, MINUTE } from "@/lib/vsm/types";

/**
 * S2 oscillation and S3* drift judged from stored observations (docs/domain.md, "Diagnosis from the
 * data"): points through the real pipeline, each series' latest points read back, findings as the
 * Diagnosis page makes them.
 */
const MODEL = `
version: 1
systems:
  - path: plant
    name: Plant
    functions: { s2: {}, s3: {}, s3star: {}, s4: {}, s5: {} }
    channels:
      - { kind: coordination, unit: plant/a }
      - { kind: coordination, unit: plant/b }
  - path: plant/a
    name: Line A
    indicators:
      - { key: saturation, name: Pool saturation, unit: "%", direction: down }
      - { key: orders, name: Orders, unit: 1/min, direction: up }
      - { key: orders-audit, name: Orders (audited), unit: 1/min, direction: up }
  - path: plant/b
    name: Line B
    indicators:
      - { key: saturation, name: Pool saturation, unit: "%", direction: down }
      - { key: orders, name: Orders, unit: 1/min, direction: up }
      - { key: orders-audit, name: Orders (audited), unit: 1/min, direction: up }
  - path: quiet
    name: Quiet
    functions: { s2: {} }
    channels:
      - { kind: coordination, unit: quiet/x }
      - { kind: coordination, unit: quiet/y }
  - path: quiet/x
    name: X
    indicators: [{ key: saturation, name: Pool saturation, unit: "%", direction: down }]
  - path: quiet/y
    name: Y
    indicators: [{ key: saturation, name: Pool saturation, unit: "%", direction: down }]
`;
const AUDIT = { audit: { actor: "system", action: "telemetry.write", detail: { source: "test" } } };
/** The page's clock: the day before it holds the audits, the last 6 hours the saturation. */
const NOW = Date.UTC(2026, 10, 2);
const START = NOW - DAY;
const OSCILLATION_START = NOW - 6 * HOUR;

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await importModel(db, parseModel(MODEL, "yaml"));
  const names = ["plant/a", "plant/b", "quiet/x", "quiet/y"].flatMap((unitPath) =>
    ["saturation", "orders", "orders-audit"].map((key) => ({ unitPath, key })),
  );
  const target = new Map<string, IndicatorTarget>((await indicatorsByName(db.sql, names)).map((t) => [`${t.unitPath} ${t.key}`, t]));
  const noise = seededRandom(42);
  const points: { indicator: IndicatorTarget; time: number; value: number }[] = [];
  const add = (name: string, time: number, value: number) => points.push({ indicator: target.get(name)!, time, value });
  for (let k = 0; k < 24 * 60; k++) {
    const time = START + k * MINUTE;
    // A over-reports by a fifth against its audit; B reports what its audit finds. Audits every 10 minutes.
    add("plant/a orders", time, 120 + noise.normal());
    add("plant/b orders", time, 100 + noise.normal());
    if (k % 10 === 0) {
      add("plant/a orders-audit", time, 100 + noise.normal());
      add("plant/b orders-audit", time, 100 + noise.normal());
    }
    if (time < OSCILLATION_START) continue;
    // A and B take turns with a shared pool: ±3% every 8 minutes, in anti-phase. X and Y are only noisy.
    const swing = 3 * Math.cos((2 * Math.PI * k) / 8);
    add("plant/a saturation", time, 60 + swing + 0.2 * noise.normal());
    add("plant/b saturation", time, 60 - swing + 0.2 * noise.normal());
    add("quiet/x saturation", time, 50 + 2 * noise.normal());
    add("quiet/y saturation", time, 50 + 2 * noise.normal());
  }
  const pipeline = new Pipeline(db);
  for (let i = 0; i < points.length; i += 600) await pipeline.write({ points: points.slice(i, i + 600) }, AUDIT);
  await pipeline.close();
});
afterAll(() => db.drop());

async function dataFindings(): Promise<Finding[]> {
  const model = await exportModel(db);
  const stored = await readRecentPoints(db.sql, seriesToReadFor(model, NOW));
  const rules = new Set(["oscillating-unit", "anti-phase-units", "audit-drift"]);
  return diagnoseModel(model, undefined, { now: NOW, stored }).flatMap((d) => d.findings.filter((f) => rules.has(f.rule)));
}

describe("diagnosis from stored observations", () => {
  it("reads each indicator's latest points within its window, oldest first, at most the limit", async () => {
    const stored = await readRecentPoints(db.sql, [
      { unit: "plant/a", key: "saturation", window: { from: OSCILLATION_START, to: NOW } },
      { unit: "plant/a", key: "orders-audit", window: { from: START, to: NOW } },
      { unit: "plant/a", key: "nothing", window: { from: START, to: NOW } },
      { unit: "quiet/x", key: "orders", window: { from: START, to: NOW } },
    ]);
    expect(stored.get("plant/a")?.get("saturation")).toHaveLength(360);
    expect(stored.get("plant/a")?.get("orders-audit")).toHaveLength(144);
    expect(stored.get("plant/a")?.get("orders-audit")?.[1]?.at).toBe(START + 10 * MINUTE);
    expect(stored.get("plant/a")?.has("nothing")).toBe(false);
    expect(stored.has("quiet/x")).toBe(false);
    // A day of points a minute apart, read 100 at a time: the latest 100, oldest first.
    const latest = (await readRecentPoints(db.sql, [{ unit: "plant/b", key: "orders", window: { from: START, to: NOW } }], 100))
      .get("plant/b")!
      .get("orders")!;
    expect(latest.map((p) => p.at)).toEqual(Array.from({ length: 100 }, (_, i) => NOW - (100 - i) * MINUTE));
    expect(await readRecentPoints(db.sql, [])).toEqual(new Map());
  });

  it("finds the anti-phase pair and the 20% over-report, and nothing in the quiet pair or the honest audit", async () => {
    const findings = await dataFindings();
    expect(findings.map((f) => [f.rule, f.path, f.units ?? f.unit, f.indicator])).toEqual([
      ["anti-phase-units", "plant", ["plant/a", "plant/b"], "saturation"],
      ["audit-drift", "plant", "plant/a", "orders"],
    ]);
    const [pair, drift] = findings;
    expect(pair!.message).toMatch(
      /^"plant\/a" and "plant\/b" take turns on "saturation" in anti-phase: each swings ±3(\.0\d)?% .* every 8m /,
    );
    // 144 audits against the report of the same minute; the noise's means move the 20% by about 0.1 point.
    const percent = Number(drift!.message.match(/over-reports "orders" by ([\d.]+)%/)?.[1]);
    expect(percent).toBeGreaterThan(19.5);
    expect(percent).toBeLessThan(20.5);
    expect(drift!.message).toContain("over 144 paired points (tolerance 10%)");
  });
});
