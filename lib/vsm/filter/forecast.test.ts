import { describe, expect, it } from "vitest";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { forecast } from "@/lib/vsm/filter/forecast";
import type { FilterState } from "@/lib/vsm/filter/schemas";
import { syntheticSeries } from "@/lib/vsm/filter/synthetic-series";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";

const params = filterParams(DEFAULT_POLICY, { direction: "up", kind: "raw" });

type Mat = [[number, number], [number, number]];
const mul = (a: Mat, b: Mat): Mat => [
  [a[0][0] * b[0][0] + a[0][1] * b[1][0], a[0][0] * b[0][1] + a[0][1] * b[1][1]],
  [a[1][0] * b[0][0] + a[1][1] * b[1][0], a[1][0] * b[0][1] + a[1][1] * b[1][1]],
];
const add = (a: Mat, b: Mat): Mat => [[a[0][0] + b[0][0], a[0][1] + b[0][1]], [a[1][0] + b[1][0], a[1][1] + b[1][1]]];
const G: Mat = [[1, 1], [0, 1]];
const Gt: Mat = [[1, 0], [1, 1]];

describe("forecast", () => {
  it("is empty before the warm-up ends", () => {
    expect(forecast(createFilterState(), params, 5)).toEqual([]);
  });

  it("carries one component forward by G with the prior-weighted regime noise, step by step", () => {
    const v = 2;
    const state: FilterState = {
      ...createFilterState(),
      ready: true,
      variance: v,
      weights: [1, 0, 0, 0],
      means: [10, 0.5, 0, 0, 0, 0, 0, 0],
      covariances: [0.3, 0.02, 0.01, 1, 0, 1, 1, 0, 1, 1, 0, 1],
    };
    const W = [0, 1, 2, 3].reduce<Mat>((acc, j) => {
      const [rg, rd, p] = [params.rg[j]!, params.rd[j]!, params.prior[j]!];
      return add(acc, [[p * v * (rg + rd), p * v * rd], [p * v * rd, p * v * rd]]);
    }, [[0, 0], [0, 0]]);
    const observation = [0, 1, 2, 3].reduce((s, j) => s + params.prior[j]! * v * params.re[j]!, 0);
    let C: Mat = [[0.3, 0.02], [0.02, 0.01]];
    const result = forecast(state, params, 12);
    for (let k = 1; k <= 12; k++) {
      C = add(mul(mul(G, C), Gt), W);
      expect(result[k - 1]!.mean).toBeCloseTo(10 + 0.5 * k, 12);
      expect(result[k - 1]!.variance).toBeCloseTo(C[0][0] + observation, 10);
    }
  });

  it("adds the spread of the regimes' means, and one step ahead is the next point's predictive mixture", () => {
    const state = createFilterState();
    for (const y of syntheticSeries(seededRandom(4), { length: 120, change: { kind: "step", at: 118, size: 6 } })) updateFilter(state, y, params);
    const [next] = forecast(state, params, 1);
    const output = updateFilter(structuredClone(state), 100, params);
    if (output.phase !== "filtering") throw new Error("still warming up");
    expect(next!.mean).toBeCloseTo(output.prediction.mean, 10);
    expect(next!.variance).toBeCloseTo(output.prediction.variance, 10);
  });

  it("follows a trend and widens with the horizon", () => {
    const state = createFilterState();
    const ramp = syntheticSeries(seededRandom(8), { length: 200, sigma: 0.5 }).map((y, i) => y + 0.2 * i);
    for (const y of ramp) updateFilter(state, y, params);
    const ahead = forecast(state, params, 20);
    expect(ahead[19]!.mean).toBeGreaterThan(100 + 0.2 * 210);
    expect(ahead[19]!.mean).toBeLessThan(100 + 0.2 * 230);
    for (let k = 1; k < 20; k++) expect(ahead[k]!.variance).toBeGreaterThan(ahead[k - 1]!.variance);
  });
});
