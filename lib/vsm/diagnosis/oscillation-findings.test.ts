import { describe, expect, it } from "vitest";
import type { CoordinatedIndicator } from "@/lib/vsm/diagnosis/coordinated-indicators";
import { oscillationFindings, type SeriesOf } from "@/lib/vsm/diagnosis/oscillation-findings";
import { makeSystem } from "@/lib/vsm/model/make-system";
import type { Indicator } from "@/lib/vsm/model/system";
import type { Point } from "@/lib/vsm/temporal/bucket";
import { HOUR, MINUTE } from "@/lib/vsm/types";

const T0 = Date.UTC(2026, 0, 5);
const window = { from: T0, to: T0 + 6 * HOUR };
const minutes = (f: (k: number) => number): Point[] => Array.from({ length: 360 }, (_, k) => ({ at: T0 + k * MINUTE, value: f(k) }));
const cycle = (amplitude: number, period: number) => (k: number) => amplitude * Math.cos((2 * Math.PI * k) / period);
const saturation = (unit: string): Indicator => ({
  key: "saturation",
  name: "Saturation",
  unit,
  direction: "down",
  index: "raw",
  scope: "operations",
});

function group(units: Record<string, string>): CoordinatedIndicator {
  return {
    system: makeSystem("acme/pumps"),
    key: "saturation",
    units: Object.entries(units).map(([path, unit]) => ({ path, indicator: saturation(unit) })),
  };
}
const seriesOf =
  (series: Record<string, Point[]>): SeriesOf =>
  (unit, key) =>
    key === "saturation" ? (series[unit] ?? []) : [];

describe("oscillationFindings", () => {
  it("reports an anti-phase pair once, and a third sibling oscillating on its own", () => {
    const findings = oscillationFindings(
      group({ "acme/pumps/a": "%", "acme/pumps/b": "%", "acme/pumps/c": "%" }),
      seriesOf({
        "acme/pumps/a": minutes((k) => 60 + cycle(3, 8)(k)),
        "acme/pumps/b": minutes((k) => 60 - cycle(3, 8)(k)),
        // A cycle of 12 minutes is orthogonal to one of 8 over whole multiples of 24: no pair with a or b.
        "acme/pumps/c": minutes((k) => 40 + cycle(2, 12)(k)),
      }),
      window,
    );
    expect(findings).toEqual([
      {
        rule: "anti-phase-units",
        severity: "warning",
        level: 1,
        path: "acme/pumps",
        unit: "acme/pumps/a",
        units: ["acme/pumps/a", "acme/pumps/b"],
        indicator: "saturation",
        message:
          '"acme/pumps/a" and "acme/pumps/b" take turns on "saturation" in anti-phase: each swings ±3% against the other every 8m (correlation -1, 360 points paired).',
        // α for 8 samples a cycle and gain 0.5: 0.35491 (see sibling-oscillation.test.ts).
        hint: 'S2 of "acme/pumps": share a schedule for, or rate-limit, the resource "saturation" measures; or smooth the allocation both react to: exponential smoothing with α ≈ 0.355 per point leaves about 50% of the swing (±1.5%).',
      },
      {
        rule: "oscillating-unit",
        severity: "warning",
        level: 1,
        path: "acme/pumps",
        unit: "acme/pumps/c",
        indicator: "saturation",
        message:
          '"acme/pumps/c" oscillates on "saturation": ±2% every 12m, over 360 points; it shares "saturation" with "acme/pumps/a", "acme/pumps/b", which S2 of "acme/pumps" coordinates.',
        // 12 samples a cycle: k = (1 − 0.25·cos(π/6))/0.75 = 1.044658, β = k − √(k² − 1) = 0.742481, α = 0.257519.
        hint: 'S2 of "acme/pumps": damp "acme/pumps/c" — share a schedule for, or rate-limit, what "saturation" measures; or smooth the control action it reacts to: exponential smoothing with α ≈ 0.258 per point leaves about 50% of the swing (±1%).',
      },
    ]);
  });

  it("says nothing of quiet siblings, of siblings without data, and pairs no series in different units", () => {
    const quiet = seriesOf({ "acme/pumps/a": minutes(() => 60), "acme/pumps/b": minutes((k) => 60 + (k % 2)) });
    expect(oscillationFindings(group({ "acme/pumps/a": "%", "acme/pumps/b": "%" }), quiet, window)).toEqual([]);
    expect(oscillationFindings(group({ "acme/pumps/a": "%", "acme/pumps/b": "%" }), seriesOf({}), window)).toEqual([]);
    const mirrored = seriesOf({
      "acme/pumps/a": minutes((k) => 60 + cycle(3, 8)(k)),
      "acme/pumps/b": minutes((k) => 60 - cycle(3, 8)(k)),
    });
    // A share and a percentage cannot be subtracted: each is judged on its own instead.
    const findings = oscillationFindings(group({ "acme/pumps/a": "%", "acme/pumps/b": "ratio" }), mirrored, window);
    expect(findings.map((f) => [f.rule, f.unit, f.message.match(/±[^ ]+ [^ ]*/)?.[0]])).toEqual([
      ["oscillating-unit", "acme/pumps/a", "±3% every"],
      ["oscillating-unit", "acme/pumps/b", "±3 ratio"],
    ]);
  });
});
