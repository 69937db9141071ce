import { describe, expect, it } from "vitest";
import { cyberstrideCalibration, cyberstrideParams, cyberstridePages, cyberstrideScore } from "@/lib/bench/nab/cyberstride-detector";
import { runDetector } from "@/lib/bench/nab/detector";
import { syntheticSeries } from "@/lib/vsm/filter/synthetic-series";
import { seededRandom } from "@/lib/vsm/random";

const params = cyberstrideParams();
/** 400 points a minute apart, level 100, σ = 1, with a 10σ step at point 300 (row 299). */
const rows = syntheticSeries(seededRandom(7), { length: 400, change: { kind: "step", at: 300, size: 10 } });

describe("the Cyberstride adapter", () => {
  it("takes a policy override through resolvePolicy", () => {
    expect(cyberstrideParams({ filter: { warmup: 40 } }).warmup).toBe(40);
    expect(params.warmup).toBe(20);
    expect(() => cyberstrideParams({ filter: { warmup: 1 } })).toThrow();
  });

  it("pages on the step, within a few rows of it, and scores nothing during the warm-up", () => {
    const pages = runDetector(cyberstridePages(params), rows);
    const first = pages.findIndex((p, i) => p === 1 && i >= 299);
    expect(first).toBeGreaterThanOrEqual(299);
    expect(first).toBeLessThan(305);
    expect(Array.from(pages.slice(0, params.warmup)).every((p) => p === 0)).toBe(true);
  });

  it("scores 1 − 2Φ(−|surprise|): 0 in the warm-up, near 1 at the step, low on most quiet rows", () => {
    const scores = runDetector(cyberstrideScore(params), rows);
    expect(Array.from(scores.slice(0, params.warmup)).every((s) => s === 0)).toBe(true);
    // 10σ from the reference: 1 − 2Φ(−10) rounds to 1.
    expect(Math.max(...scores.slice(299, 303))).toBeGreaterThan(0.999);
    const quiet = Array.from(scores.slice(100, 290)).sort((a, b) => a - b);
    expect(quiet[Math.floor(quiet.length / 2)]).toBeLessThan(0.5);
  });

  it("counts filtered points and those outside the predictive's central 2- and 3-sd intervals", () => {
    const calibration = cyberstrideCalibration(params, rows);
    expect(calibration.filtered).toBe(400 - params.warmup);
    // The 10σ step lands outside the 3-sd interval (tail below 0.27%); few quiet points do.
    expect(calibration.beyond3).toBeGreaterThanOrEqual(1);
    expect(calibration.beyond3).toBeLessThanOrEqual(calibration.beyond2);
    expect(calibration.beyond2).toBeLessThan(0.1 * calibration.filtered);
  });
});
