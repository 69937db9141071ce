import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams, type FilterParams } from "@/lib/vsm/filter/filter-params";
import { createEvidence, mixtureStep } from "@/lib/vsm/filter/mixture-step";
import type { FilterState } from "@/lib/vsm/filter/schemas";
import { DEFAULT_POLICY, resolvePolicy } from "@/lib/vsm/policy";

type Vec = [number, number];
type Mat = [[number, number], [number, number]];

/**
 * A deliberately plain transcription of DESIGN.md §3.2 with explicit matrices and no log-space
 * tricks, to check the hand-optimised step against (on inputs where nothing underflows). V is
 * known to n = state.varianceDof degrees of freedom, so each pair's likelihood is West & Harrison's
 * Student t with n degrees of freedom and scale Q (its Γ-function constant is shared and cancels).
 */
function referenceStep(state: FilterState, y: number, params: FilterParams) {
  const v = state.variance;
  const G: Mat = [[1, 1], [0, 1]];
  const mul = (a: Mat, b: Mat): Mat => [
    [a[0][0] * b[0][0] + a[0][1] * b[1][0], a[0][0] * b[0][1] + a[0][1] * b[1][1]],
    [a[1][0] * b[0][0] + a[1][1] * b[1][0], a[1][0] * b[0][1] + a[1][1] * b[1][1]],
  ];
  const transpose = (a: Mat): Mat => [[a[0][0], a[1][0]], [a[0][1], a[1][1]]];
  const pairs: { i: number; j: number; w: number; m: Vec; C: Mat }[] = [];
  for (let i = 0; i < 4; i++) {
    const m: Vec = [state.means[2 * i]!, state.means[2 * i + 1]!];
    const C: Mat = [[state.covariances[3 * i]!, state.covariances[3 * i + 1]!], [state.covariances[3 * i + 1]!, state.covariances[3 * i + 2]!]];
    for (let j = 0; j < 4; j++) {
      const [rg, rd, re] = [params.rg[j]!, params.rd[j]!, params.re[j]!];
      const W: Mat = [[v * (rg + rd), v * rd], [v * rd, v * rd]];
      const a: Vec = [m[0] + m[1], m[1]];
      const GCG = mul(mul(G, C), transpose(G));
      const R: Mat = [[GCG[0][0] + W[0][0], GCG[0][1] + W[0][1]], [GCG[1][0] + W[1][0], GCG[1][1] + W[1][1]]];
      const Q = R[0][0] + v * re;
      const e = y - a[0];
      const A: Vec = [R[0][0] / Q, R[1][0] / Q];
      const post: Vec = [a[0] + A[0] * e, a[1] + A[1] * e];
      const Cpost: Mat = [[R[0][0] - A[0] * A[0] * Q, R[0][1] - A[0] * A[1] * Q], [R[1][0] - A[1] * A[0] * Q, R[1][1] - A[1] * A[1] * Q]];
      const n = state.varianceDof;
      const L = (1 + (e * e) / (n * Q)) ** (-(n + 1) / 2) / Math.sqrt(Q);
      pairs.push({ i, j, w: state.weights[i]! * params.prior[j]! * L, m: post, C: Cpost });
    }
  }
  const total = pairs.reduce((s, p) => s + p.w, 0);
  for (const p of pairs) p.w /= total;
  const current = [0, 1, 2, 3].map((j) => pairs.filter((p) => p.j === j).reduce((s, p) => s + p.w, 0));
  const previous = [0, 1, 2, 3].map((i) => pairs.filter((p) => p.i === i).reduce((s, p) => s + p.w, 0));
  const mixtureMean: Vec = [pairs.reduce((s, p) => s + p.w * p.m[0], 0), pairs.reduce((s, p) => s + p.w * p.m[1], 0)];
  const components = [0, 1, 2, 3].map((j) => {
    const col = pairs.filter((p) => p.j === j);
    const P = current[j]!;
    const m: Vec = [col.reduce((s, p) => s + p.w * p.m[0], 0) / P, col.reduce((s, p) => s + p.w * p.m[1], 0) / P];
    const c = (r: 0 | 1, k: 0 | 1) => col.reduce((s, p) => s + p.w * (p.C[r][k] + (p.m[r] - m[r]) * (p.m[k] - m[k])), 0) / P;
    return { m, C: [c(0, 0), c(0, 1), c(1, 1)] };
  });
  return { current, previous, components, mixtureMean };
}

function runningState(variance: number): FilterState {
  return {
    ...createFilterState(),
    ready: true,
    variance,
    varianceFloor: 1e-12,
    varianceDof: 12,
    weights: [0.7, 0.1, 0.15, 0.05],
    means: [10, 0.5, 12, 0.4, 10.5, 1.5, 10, 0.5],
    covariances: [0.3, 0.05, 0.02, 1.2, 0.1, 0.03, 0.5, 0.2, 0.6, 0.3, 0.05, 0.02],
  };
}

const close = (a: number, b: number, tolerance = 1e-9) => Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));

/** An arbitrary running state: weights on the simplex, means, and positive-definite covariances. */
const stateArbitrary = fc
  .record({
    weights: fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
    levels: fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 4, maxLength: 4 }),
    slopes: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 4, maxLength: 4 }),
    variances: fc.array(fc.tuple(fc.double({ min: 0.001, max: 5, noNaN: true }), fc.double({ min: 0.001, max: 2, noNaN: true }), fc.double({ min: -0.95, max: 0.95, noNaN: true })), {
      minLength: 4,
      maxLength: 4,
    }),
    variance: fc.double({ min: 0.01, max: 10, noNaN: true }),
    dof: fc.double({ min: 1, max: 60, noNaN: true }),
  })
  .map(({ weights, levels, slopes, variances, variance, dof }): FilterState => {
    const total = weights.reduce((s, w) => s + w, 0);
    return {
      ...createFilterState(),
      ready: true,
      variance,
      varianceFloor: 1e-12,
      varianceDof: dof,
      weights: weights.map((w) => w / total),
      means: levels.flatMap((level, i) => [level, slopes[i]!]),
      // Level and slope variances with a correlation strictly inside (−1, 1).
      covariances: variances.flatMap(([a, b, rho]) => [a, rho * Math.sqrt(a * b), b]),
    };
  });

describe("mixtureStep", () => {
  const params = filterParams(DEFAULT_POLICY, { direction: "up", kind: "raw" });

  it("matches a plain matrix transcription of the Harrison–Stevens class II step", () => {
    fc.assert(
      fc.property(fc.double({ min: 5, max: 16, noNaN: true }), fc.double({ min: 0.2, max: 3, noNaN: true }), (y, variance) => {
        const state = runningState(variance);
        const expected = referenceStep(state, y, params);
        const out = createEvidence();
        mixtureStep(state, y, params, out);
        for (let j = 0; j < 4; j++) {
          expect(close(out.current[j]!, expected.current[j]!)).toBe(true);
          expect(close(out.previous[j]!, expected.previous[j]!)).toBe(true);
          const c = expected.components[j]!;
          expect(close(state.means[2 * j]!, c.m[0])).toBe(true);
          expect(close(state.means[2 * j + 1]!, c.m[1])).toBe(true);
          for (let k = 0; k < 3; k++) expect(close(state.covariances[3 * j + k]!, c.C[k]!)).toBe(true);
        }
      }),
    );
  });

  it("keeps regime and one-step-back probabilities summing to 1, variances positive, and the mixture mean through the collapse", () => {
    fc.assert(
      fc.property(stateArbitrary, fc.double({ min: -200, max: 200, noNaN: true }), (state, y) => {
        const before = structuredClone(state);
        const out = createEvidence();
        mixtureStep(state, y, params, out);
        expect(out.current.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
        expect(out.previous.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
        for (let j = 0; j < 4; j++) {
          expect(state.weights[j]).toBe(out.current[j]);
          expect(state.covariances[3 * j]).toBeGreaterThan(0);
          expect(state.covariances[3 * j + 2]).toBeGreaterThan(0);
          // Positive definite: the correlation stays inside (−1, 1).
          expect(state.covariances[3 * j + 1]! ** 2).toBeLessThan(state.covariances[3 * j]! * state.covariances[3 * j + 2]!);
        }
        const expected = referenceStep(before, y, params);
        if (expected.current.every((p) => p > 1e-250)) {
          for (const coordinate of [0, 1] as const) {
            const collapsed = [0, 1, 2, 3].reduce((s, j) => s + state.weights[j]! * state.means[2 * j + coordinate]!, 0);
            expect(close(collapsed, expected.mixtureMean[coordinate], 1e-8)).toBe(true);
          }
        }
        const predicted = [0, 1, 2, 3].reduce((s, i) => s + before.weights[i]! * (before.means[2 * i]! + before.means[2 * i + 1]!), 0);
        expect(close(out.predictionMean, predicted)).toBe(true);
        expect(out.residual).toBe(y - out.predictionMean);
      }),
    );
  });

  it("keeps a regime whose weight underflows as its own posterior, finite and positive", () => {
    // A 10⁵σ outlier with V known almost exactly (the t is then the normal): steady, step and
    // slope likelihoods underflow to zero next to transient. (With few degrees of freedom the
    // t's tails are heavy and they do not; a zero prior, below, is the other way to get there.)
    const state = { ...runningState(1), varianceDof: 1e12 };
    const out = createEvidence();
    mixtureStep(state, 1e5, params, out);
    expect(out.current[3]).toBe(1);
    expect(out.current[0]).toBe(0);
    for (const value of [...state.means, ...state.covariances]) expect(Number.isFinite(value)).toBe(true);
    for (let j = 0; j < 4; j++) expect(state.covariances[3 * j]).toBeGreaterThan(0);
    // Given a step, the level has all but jumped to the outlier; given steady, it moved a little.
    expect(state.means[2]).toBeGreaterThan(9e4);
    expect(state.means[0]).toBeLessThan(state.means[2]!);
    // And the filter carries on from there: weights renormalise once the series is back.
    mixtureStep(state, 11, params, out);
    expect(out.current.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    expect(out.previous[3]).toBeCloseTo(1, 6);
  });

  it("weighs a large residual as weaker evidence of a change while V rests on few degrees of freedom", () => {
    const changeProbability = (varianceDof: number) => {
      const state = { ...runningState(1), varianceDof };
      const out = createEvidence();
      mixtureStep(state, 10 + 0.5 + 4, params, out);
      return 1 - out.current[0]!;
    };
    // A 4σ-ish residual: with n = 5 the steady t explains it far better than a normal would.
    expect(changeProbability(5)).toBeLessThan(changeProbability(50));
    expect(changeProbability(50)).toBeLessThan(changeProbability(1e9));
  });

  it("survives a regime with zero prior probability", () => {
    const noSlope = filterParams(
      resolvePolicy([{ filter: { regimes: { steady: { re: 1, rg: 0.01, rd: 0.0001, prior: 0.95 }, slope: { re: 1, rg: 0.01, rd: 1, prior: 0 } } } }]),
      { direction: "up", kind: "raw" },
    );
    const state = runningState(1);
    const out = createEvidence();
    for (const y of [10, 11, 10.5, 30, 10]) mixtureStep(state, y, noSlope, out);
    expect(out.current[2]).toBe(0);
    for (const value of [...state.means, ...state.covariances]) expect(Number.isFinite(value)).toBe(true);
  });
});
