import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseModel } from "@/lib/model-file/parse-model";
import { Pipeline } from "@/lib/pipeline/pipeline";
import { indicatorActivity } from "@/lib/store/indicator-activity";
import { indicatorsByName } from "@/lib/store/indicator-runtimes";
import { exportModel } from "@/lib/store/model-export";
import { importModel } from "@/lib/store/model-import";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { diagnoseModel } from "@/lib/view/diagnose-model";
import { MINUTE } from "@/lib/vsm/types";

/** Silent indicators judged from the data: the latest point and the usual spacing of the latest points. */
const MODEL = `
version: 1
systems:
  - path: acme
    name: Acme
    functions: { s2: {}, s3: {}, s3star: {}, s4: {}, s5: {} }
  - path: acme/plant
    name: Plant
    owner: ops
    indicators:
      - { key: output, name: Output, unit: t/h, direction: up }
      - { key: never, name: Never sent, unit: x, direction: up }
`;
const T0 = Date.UTC(2026, 10, 1);

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await importModel(db, parseModel(MODEL, "yaml"));
  const [output] = await indicatorsByName(db.sql, [{ unitPath: "acme/plant", key: "output" }]);
  const pipeline = new Pipeline(db);
  const points = Array.from({ length: 120 }, (_, i) => ({ indicator: output!, time: T0 + (i + 1) * MINUTE, value: 50 + Math.sin(i) }));
  await pipeline.write({ points }, { audit: { actor: "system", action: "telemetry.write", detail: {} } });
  await pipeline.close();
});
afterAll(() => db.drop());

describe("indicator activity", () => {
  it("gives each indicator that reported its last point and learnt interval, and leaves out one that never did", async () => {
    const activity = await indicatorActivity(db.sql);
    expect(activity).toHaveLength(1);
    expect(activity[0]).toMatchObject({ system: "acme/plant", indicator: "output", lastObservedAt: T0 + 120 * MINUTE });
    expect(activity[0]!.period).toBe(MINUTE);
  });

  it("lets the diagnosis call an indicator silent once it has missed five of its intervals", async () => {
    const activity = await indicatorActivity(db.sql);
    const model = await exportModel(db);
    const rulesAt = (minutes: number) =>
      diagnoseModel(model, { now: T0 + (120 + minutes) * MINUTE, activity }).flatMap((d) => d.findings.map((f) => f.rule));
    expect(rulesAt(4)).not.toContain("silent-indicator");
    expect(rulesAt(5)).toContain("silent-indicator");
    const late = diagnoseModel(model, { now: T0 + 130 * MINUTE, activity }).flatMap((d) => d.findings);
    expect(late.map((f) => f.rule)).toEqual(expect.arrayContaining(["silent-indicator"]));
    expect(late.find((f) => f.rule === "silent-indicator")?.message).toMatch(/"output" of "acme\/plant" has had no data for 10 periods/);
  });
});
