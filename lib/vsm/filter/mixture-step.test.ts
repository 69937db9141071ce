import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { filterParams, type FilterParams } from "@/lib/vsm/filter/filter-params";
import { createEvidence, mixtureStep, type Mixture, type StepContext } from "@/lib/vsm/filter/mixture-step";
import { normalCdf } from "@/lib/vsm/filter/normal-cdf";
import { DEFAULT_POLICY, resolvePolicy } from "@/lib/vsm/policy";

type Vec = [number, number];
type Mat = [[number, number], [number, number]];

const mul = (a: Mat, b: Mat): Mat => [
  [a[0][0] * b[0][0] + a[0][1] * b[1][0], a[0][0] * b[0][1] + a[0][1] * b[1][1]],
  [a[1][0] * b[0][0] + a[1][1] * b[1][0], a[1][0] * b[0][1] + a[1][1] * b[1][1]],
];
const add = (a: Mat, b: Mat): Mat => [
  [a[0][0] + b[0][0], a[0][1] + b[0][1]],
  [a[1][0] + b[1][0], a[1][1] + b[1][1]],
];
const transpose = (a: Mat): Mat => [
  [a[0][0], a[1][0]],
  [a[0][1], a[1][1]],
];

/** π_j(k) as docs/domain.md states it: step and slope share 1 − (1 − π_step − π_slope)^k (at most 0.5), transient keeps π. */
function priorsOver(prior: readonly number[], k: number): number[] {
  const step = prior[1]!;
  const slope = prior[2]!;
  const change = Math.min(1 - (1 - step - slope) ** k, 0.5);
  const transient = prior[3]!;
  return [1 - change - transient, (change * step) / (step + slope), (change * slope) / (step + slope), transient];
}

interface Pair {
  i: number;
  j: number;
  logWeight: number;
  m: Vec;
  C: Mat;
}

/**
 * A deliberately plain transcription of the Harrison–Stevens step of docs/domain.md ("The
 * mixture"), with explicit 2×2 matrices: G_k, W_k(j), the Kalman step per pair, the Student t
 * likelihood with n dof (its Γ constant is shared by every pair and cancels), the transient regime
 * carrying its prior unchanged, and moment matching. Weights are kept as logarithms only so that
 * normalising cannot underflow; the posterior of a regime is its column's pairs weighed by
 * p(i)·L_ij (π_j is common to the column), which is also what an underflowed regime must keep.
 */
function referenceStep(mixture: Mixture, y: number, params: FilterParams, context: StepContext) {
  const { variance: v, dof: n, elapsed: k, persistence, previousInput } = context;
  const G: Mat = [
    [1, k],
    [0, 1],
  ];
  const pi = priorsOver(params.prior, k);
  const pairs: Pair[] = [];
  const predictions: { f: number; a: number; Q: number[] }[] = [];
  for (let i = 0; i < 4; i++) {
    const m: Vec = [mixture.means[2 * i]!, mixture.means[2 * i + 1]!];
    const C: Mat = [
      [mixture.covariances[3 * i]!, mixture.covariances[3 * i + 1]!],
      [mixture.covariances[3 * i + 1]!, mixture.covariances[3 * i + 2]!],
    ];
    const a: Vec = [m[0] + k * m[1], m[1]];
    const f = a[0] + persistence * (previousInput - m[0]);
    const e = y - f;
    const Qs: number[] = [];
    for (let j = 0; j < 4; j++) {
      const [rg, rd, re] = [params.rg[j]!, params.rd[j]!, params.re[j]!];
      const W: Mat = [
        [k * v * (rg + rd), k * v * rd],
        [k * v * rd, k * v * rd],
      ];
      const R = add(mul(mul(G, C), transpose(G)), W);
      const Q = R[0][0] + v * re;
      Qs.push(Q);
      const logL = -0.5 * Math.log(Q) - ((n + 1) / 2) * Math.log(1 + (e * e) / (n * Q));
      const logWeight = Math.log(mixture.weights[i]!) + Math.log(pi[j]!) + logL;
      if (j === 3) {
        pairs.push({ i, j, logWeight, m: a, C: R });
      } else {
        // Gain A = R Fᵀ/Q with F = [1, 0]; C = R − A Q Aᵀ.
        const A: Vec = [R[0][0] / Q, R[1][0] / Q];
        const C1: Mat = [
          [R[0][0] - A[0] * A[0] * Q, R[0][1] - A[0] * A[1] * Q],
          [R[1][0] - A[1] * A[0] * Q, R[1][1] - A[1] * A[1] * Q],
        ];
        pairs.push({ i, j, logWeight, m: [a[0] + A[0] * e, a[1] + A[1] * e], C: C1 });
      }
    }
    predictions.push({ f, a: a[0], Q: Qs });
  }
  const top = Math.max(...pairs.map((p) => p.logWeight));
  const w = pairs.map((p) => Math.exp(p.logWeight - top));
  const total = w.reduce((s, x) => s + x, 0);
  const joint = w.map((x) => x / total);
  const current = [0, 1, 2, 3].map((j) => pairs.reduce((s, p, n) => s + (p.j === j ? joint[n]! : 0), 0));
  const previous = [0, 1, 2, 3].map((i) => pairs.reduce((s, p, n) => s + (p.i === i ? joint[n]! : 0), 0));
  const components = [0, 1, 2, 3].map((j) => {
    const column = pairs.filter((p) => p.j === j);
    const columnTop = Math.max(...column.map((p) => p.logWeight));
    const raw = column.map((p) => Math.exp(p.logWeight - columnTop));
    const sum = raw.reduce((s, x) => s + x, 0);
    const part = raw.map((x) => x / sum);
    const m: Vec = [0, 1].map((r) => column.reduce((s, p, c) => s + part[c]! * p.m[r]!, 0)) as Vec;
    const c = (r: 0 | 1, q: 0 | 1) => column.reduce((s, p, x) => s + part[x]! * (p.C[r][q] + (p.m[r] - m[r]) * (p.m[q] - m[q])), 0);
    return { m, C: [c(0, 0), c(0, 1), c(1, 1)] };
  });
  const p = mixture.weights;
  const predictionMean = predictions.reduce((s, x, i) => s + p[i]! * x.f, 0);
  const levelPrediction = predictions.reduce((s, x, i) => s + p[i]! * x.a, 0);
  const spread = (x: { f: number }) => (x.f - predictionMean) ** 2;
  const predictionVariance = predictions.reduce((s, x, i) => s + p[i]! * (x.Q.reduce((t, Q, j) => t + pi[j]! * Q, 0) + spread(x)), 0);
  const steadyVariance = predictions.reduce((s, x, i) => s + p[i]! * (x.Q[0]! + spread(x)), 0);
  // The tail is under the predictive of values that are not outliers: the transient regime (j = 3) left out, the rest renormalised.
  const tail =
    predictions.reduce(
      (s, x, i) => s + p[i]! * x.Q.reduce((t, Q, j) => (j === 3 ? t : t + pi[j]! * 2 * normalCdf(-Math.abs(y - x.f) / Math.sqrt(Q))), 0),
      0,
    ) /
    (1 - pi[3]!);
  return { current, previous, components, predictionMean, levelPrediction, predictionVariance, steadyVariance, tail, joint, pairs };
}

const params = filterParams(DEFAULT_POLICY, { direction: "up", kind: "raw" });

const close = (a: number, b: number, tolerance = 1e-9) => Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
const expectClose = (actual: number, expected: number, what: string, tolerance = 1e-9) => {
  if (!close(actual, expected, tolerance)) expect.fail(`${what}: ${actual} vs reference ${expected}`);
};

/** An arbitrary running mixture: weights on the simplex, means, and positive-definite covariances. */
const mixtureArbitrary = fc
  .record({
    weights: fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }),
    levels: fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 4, maxLength: 4 }),
    slopes: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 4, maxLength: 4 }),
    variances: fc.array(
      fc.tuple(
        fc.double({ min: 0.001, max: 5, noNaN: true }),
        fc.double({ min: 0.001, max: 2, noNaN: true }),
        fc.double({ min: -0.95, max: 0.95, noNaN: true }),
      ),
      {
        minLength: 4,
        maxLength: 4,
      },
    ),
  })
  .map(({ weights, levels, slopes, variances }): Mixture => {
    const total = weights.reduce((s, w) => s + w, 0);
    return {
      weights: weights.map((w) => w / total),
      means: levels.flatMap((level, i) => [level, slopes[i]!]),
      // Level and slope variances with a correlation strictly inside (−1, 1).
      covariances: variances.flatMap(([a, b, rho]) => [a, rho * Math.sqrt(a * b), b]),
    };
  });

const contextArbitrary = fc.record({
  variance: fc.double({ min: 0.01, max: 10, noNaN: true }),
  dof: fc.double({ min: 1, max: 200, noNaN: true }),
  // From almost simultaneous points to a gap of 60 intervals (where the change prior hits its 0.5 cap).
  elapsed: fc.double({ min: 0.001, max: 60, noNaN: true }),
  persistence: fc.double({ min: 0, max: 0.95, noNaN: true }),
  previousInput: fc.double({ min: -60, max: 60, noNaN: true }),
});

const copy = (m: Mixture): Mixture => ({ weights: m.weights.slice(), means: m.means.slice(), covariances: m.covariances.slice() });

/** A worked state: steady at 10 rising 0.5 per interval, a step component at 12, a slope component, a transient. */
function worked(): Mixture {
  return {
    weights: [0.7, 0.1, 0.15, 0.05],
    means: [10, 0.5, 12, 0.4, 10.5, 1.5, 10, 0.5],
    covariances: [0.3, 0.05, 0.02, 1.2, 0.1, 0.03, 0.5, 0.2, 0.6, 0.3, 0.05, 0.02],
  };
}

/** Four identical components: every pair predicts the same f, so the predictive is centred exactly there. */
function agreeing(level: number): Mixture {
  return {
    weights: [0.25, 0.25, 0.25, 0.25],
    means: [level, 0, level, 0, level, 0, level, 0],
    covariances: [0.5, 0, 0.01, 0.5, 0, 0.01, 0.5, 0, 0.01, 0.5, 0, 0.01],
  };
}

describe("mixtureStep against a plain transcription of the Harrison–Stevens step", () => {
  it("agrees to 1e-9 on random states, elapsed times and autocorrelated offsets", () => {
    fc.assert(
      fc.property(mixtureArbitrary, contextArbitrary, fc.double({ min: -80, max: 80, noNaN: true }), (mixture, context, y) => {
        const expected = referenceStep(mixture, y, params, context);
        const state = copy(mixture);
        const out = createEvidence();
        mixtureStep(state, y, params, context, out);
        for (let j = 0; j < 4; j++) {
          expectClose(out.current[j]!, expected.current[j]!, `p_t(${j})`);
          expectClose(out.previous[j]!, expected.previous[j]!, `q_t(${j})`);
          const c = expected.components[j]!;
          expectClose(state.means[2 * j]!, c.m[0], `level ${j}`);
          expectClose(state.means[2 * j + 1]!, c.m[1], `slope ${j}`);
          for (let x = 0; x < 3; x++) expectClose(state.covariances[3 * j + x]!, c.C[x]!, `C${x} of ${j}`);
        }
        expectClose(out.predictionMean, expected.predictionMean, "prediction mean");
        expectClose(out.levelPrediction, expected.levelPrediction, "level prediction");
        expectClose(out.predictionVariance, expected.predictionVariance, "prediction variance");
        expectClose(out.steadyVariance, expected.steadyVariance, "steady variance");
        expectClose(out.tail, expected.tail, "tail");
      }),
      { numRuns: 300 },
    );
  });

  it("agrees on a worked state over a gap of 3 intervals with ρ^k = 0.5", () => {
    // k = 3: the change prior is 1 − 0.96³ = 0.115264, of which step 0.01/0.04 and slope 0.03/0.04.
    expect(priorsOver(params.prior, 3)[1]).toBeCloseTo(0.115264 / 4, 12);
    const context: StepContext = { variance: 0.8, dof: 12, elapsed: 3, persistence: 0.5, previousInput: 11 };
    const mixture = worked();
    const expected = referenceStep(mixture, 13.2, params, context);
    const out = createEvidence();
    mixtureStep(mixture, 13.2, params, context, out);
    // Steady predicts 10 + 3·0.5 + 0.5·(11 − 10) = 12.
    expect(out.levelPrediction).toBeCloseTo(0.7 * 11.5 + 0.1 * 13.2 + 0.15 * 15 + 0.05 * 11.5, 12);
    for (let j = 0; j < 4; j++) expectClose(out.current[j]!, expected.current[j]!, `p_t(${j})`);
    for (let x = 0; x < 12; x++) expectClose(mixture.covariances[x]!, expected.components[Math.floor(x / 3)]!.C[x % 3]!, `covariance ${x}`);
  });
});

describe("mixtureStep's invariants", () => {
  it("keeps p_t and q_t summing to 1, the weights equal to p_t, variances positive and the mixture mean through the collapse", () => {
    fc.assert(
      fc.property(mixtureArbitrary, contextArbitrary, fc.double({ min: -200, max: 200, noNaN: true }), (mixture, context, y) => {
        const state = copy(mixture);
        const out = createEvidence();
        mixtureStep(state, y, params, context, out);
        expect(out.current.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
        expect(out.previous.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
        for (let j = 0; j < 4; j++) {
          expect(state.weights[j]).toBe(Math.max(out.current[j]!, 1e-300));
          expect(state.covariances[3 * j]).toBeGreaterThan(0);
          expect(state.covariances[3 * j + 2]).toBeGreaterThan(0);
          // Positive definite: the correlation stays inside (−1, 1).
          expect(state.covariances[3 * j + 1]! ** 2).toBeLessThan(state.covariances[3 * j]! * state.covariances[3 * j + 2]!);
        }
        expect(out.predictionVariance).toBeGreaterThan(0);
        expect(out.steadyVariance).toBeGreaterThan(0);
        // Moment matching keeps the mean of the 16 posteriors: Σ_j p_t(j)·m_j = Σ_ij p(i,j)·m_ij.
        const expected = referenceStep(mixture, y, params, context);
        if (expected.current.every((p) => p > 1e-250)) {
          for (const r of [0, 1] as const) {
            const collapsed = [0, 1, 2, 3].reduce((s, j) => s + state.weights[j]! * state.means[2 * j + r]!, 0);
            const before = expected.pairs.reduce((s, p, n) => s + expected.joint[n]! * p.m[r], 0);
            expectClose(collapsed, before, `mean ${r}`, 1e-8);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("has the steady predictive below the full one (the change regimes only add variance)", () => {
    const out = createEvidence();
    mixtureStep(worked(), 11, params, { variance: 1, dof: 20, elapsed: 1, persistence: 0, previousInput: 10 }, out);
    expect(out.steadyVariance).toBeLessThan(out.predictionVariance);
  });
});

describe("mixtureStep's predictive", () => {
  const context: StepContext = { variance: 1, dof: 30, elapsed: 1, persistence: 0, previousInput: 0 };

  it("gives a value at the prediction a tail of 1 and a tail that falls with distance", () => {
    const tailAt = (y: number) => {
      const out = createEvidence();
      mixtureStep(agreeing(50), y, params, context, out);
      return out;
    };
    const centre = tailAt(50);
    expect(centre.predictionMean).toBe(50);
    // 2Φ(0) = 1 under every pair (normalCdf is accurate to 1.2e-7).
    expect(centre.tail).toBeCloseTo(1, 6);
    const tails = [0.5, 1, 2, 4, 8].map((d) => tailAt(50 + d).tail);
    for (let x = 1; x < tails.length; x++) expect(tails[x]!).toBeLessThan(tails[x - 1]!);
    // Symmetric about the prediction.
    expect(tailAt(48).tail).toBeCloseTo(tailAt(52).tail, 12);
    // Steady: Q = C11 + V·(rγ + rδ) + V·rε = 0.5 + 0.0101 + 1 = 1.5101. A value 2√Q away has a steady tail of 2Φ(−2) = 0.0455;
    // the transient (Q = 50.5101) and step (Q = 26.5101) pairs make it larger.
    expect(tailAt(50 + 2 * Math.sqrt(1.5101)).tail).toBeGreaterThan(0.0455);
  });

  it("reports the mixture's mean and variance, steady variance and level prediction", () => {
    const out = createEvidence();
    // Elapsed 2, ρ^k 0.25, previous input 54: each component predicts 50 + 2·0 + 0.25·(54 − 50) = 51.
    mixtureStep(agreeing(50), 50, params, { ...context, elapsed: 2, persistence: 0.25, previousInput: 54 }, out);
    expect(out.predictionMean).toBeCloseTo(51, 12);
    expect(out.levelPrediction).toBeCloseTo(50, 12);
    // G C Gᵀ: 0.5 + 4·0.01 = 0.54. Per regime Q = 0.54 + 2·(rγ + rδ) + rε:
    const Q = [0.54 + 2 * 0.0101 + 1, 0.54 + 2 * 25.0001 + 1, 0.54 + 2 * 0.02 + 1, 0.54 + 2 * 0.0101 + 50];
    // π over 2 intervals: change 1 − 0.96² = 0.0784, step 0.0196, slope 0.0588, transient 0.04, steady 0.8816.
    const pi = [0.8816, 0.0196, 0.0588, 0.04];
    expect(out.steadyVariance).toBeCloseTo(Q[0]!, 12);
    expect(out.predictionVariance).toBeCloseTo(
      Q.reduce((s, q, j) => s + pi[j]! * q, 0),
      12,
    );
  });

  it("caps the step and slope prior at 0.5 over a long gap", () => {
    const out = createEvidence();
    mixtureStep(agreeing(50), 50, params, { ...context, elapsed: 1000 }, out);
    // C11 + k²·C22 = 0.5 + 1e6·0.01; then k·V·(rγ + rδ) + rε per regime. 1 − 0.96^1000 ≈ 1 is capped at 0.5.
    const base = 0.5 + 1e4;
    const Q = [base + 1000 * 0.0101 + 1, base + 1000 * 25.0001 + 1, base + 1000 * 0.02 + 1, base + 1000 * 0.0101 + 50];
    const pi = [0.46, 0.125, 0.375, 0.04];
    expect(out.predictionVariance).toBeCloseTo(
      Q.reduce((s, q, j) => s + pi[j]! * q, 0),
      6,
    );
  });
});

describe("mixtureStep's regimes", () => {
  it("lets the transient component carry its prior forward unchanged, however far off the value", () => {
    const mixture = worked();
    const context: StepContext = { variance: 1, dof: 30, elapsed: 1, persistence: 0, previousInput: 10 };
    const expected = referenceStep(mixture, 40, params, context);
    const out = createEvidence();
    mixtureStep(mixture, 40, params, context, out);
    // The transient column's pairs sit at each prior prediction μ_i + β_i = 10.5, 12.4, 12, 10.5:
    // their collapse lies between them, nowhere near the 30-sd value.
    expectClose(mixture.means[6]!, expected.components[3]!.m[0], "transient level");
    expect(mixture.means[6]).toBeGreaterThanOrEqual(10.5);
    expect(mixture.means[6]).toBeLessThanOrEqual(12.4);
    // The value is mostly transient, and the steady component still moved towards it (a Kalman gain).
    expect(out.current[3]).toBeGreaterThan(0.5);
    expect(mixture.means[0]).toBeGreaterThan(10.5);
  });

  it("leaves a single agreeing component's transient level exactly at its prediction", () => {
    const mixture = agreeing(50);
    mixtureStep(mixture, 1000, params, { variance: 1, dof: 30, elapsed: 1, persistence: 0, previousInput: 50 }, createEvidence());
    expect(mixture.means[6]).toBe(50);
    expect(mixture.means[7]).toBe(0);
    // Its variance is R11: C11 + k²·C22 + k·V·(rγ + rδ) = 0.5 + 0.01 + 0.0101, the prior carried one interval on.
    expect(mixture.covariances[9]).toBeCloseTo(0.5201, 12);
  });

  it("weighs a large residual as weaker evidence of a change while V rests on few degrees of freedom", () => {
    const changeProbability = (dof: number) => {
      const out = createEvidence();
      mixtureStep(worked(), 10 + 0.5 + 4, params, { variance: 1, dof, elapsed: 1, persistence: 0, previousInput: 10 }, out);
      return 1 - out.current[0]!;
    };
    expect(changeProbability(5)).toBeLessThan(changeProbability(50));
    expect(changeProbability(50)).toBeLessThan(changeProbability(1e9));
  });

  it("keeps a regime whose weight underflows as its own posterior, finite and positive", () => {
    // A 10⁵σ value with V known almost exactly (the t is then the normal): the steady likelihood
    // underflows next to the step's and the transient's.
    const mixture = worked();
    const before = copy(mixture);
    const context: StepContext = { variance: 1, dof: 1e12, elapsed: 1, persistence: 0, previousInput: 10 };
    const out = createEvidence();
    mixtureStep(mixture, 1e5, params, context, out);
    expect(out.current[0]).toBe(0);
    expect(mixture.weights[0]).toBe(1e-300);
    const expected = referenceStep(before, 1e5, params, context);
    for (let j = 0; j < 4; j++) {
      expectClose(mixture.means[2 * j]!, expected.components[j]!.m[0], `level ${j}`, 1e-7);
      expect(mixture.covariances[3 * j]).toBeGreaterThan(0);
    }
    for (const value of [...mixture.means, ...mixture.covariances]) expect(Number.isFinite(value)).toBe(true);
    // The filter carries on from there once the series is back.
    mixtureStep(mixture, 11, params, context, out);
    expect(out.current.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
  });

  it("survives a regime with zero prior probability", () => {
    const noSlope = filterParams(
      resolvePolicy([
        { filter: { regimes: { steady: { re: 1, rg: 0.01, rd: 0.0001, prior: 0.95 }, slope: { re: 1, rg: 0.01, rd: 0.01, prior: 0 } } } },
      ]),
      {
        direction: "up",
        kind: "raw",
      },
    );
    const mixture = worked();
    const out = createEvidence();
    for (const y of [10, 11, 10.5, 30, 10])
      mixtureStep(mixture, y, noSlope, { variance: 1, dof: 20, elapsed: 1, persistence: 0, previousInput: 10 }, out);
    // A zero prior is taken as 1e-300: the regime is as good as absent.
    expect(out.current[2]).toBeLessThan(1e-290);
    for (const value of [...mixture.means, ...mixture.covariances, ...mixture.weights]) expect(Number.isFinite(value)).toBe(true);
  });

  it("gives steady and transient everything when step and slope have no prior", () => {
    const noChange = filterParams(
      resolvePolicy([
        {
          filter: {
            regimes: {
              steady: { re: 1, rg: 0.01, rd: 0.0001, prior: 0.96 },
              step: { re: 1, rg: 25, rd: 0.0001, prior: 0 },
              slope: { re: 1, rg: 0.01, rd: 0.01, prior: 0 },
            },
          },
        },
      ]),
      { direction: "up", kind: "raw" },
    );
    const out = createEvidence();
    mixtureStep(agreeing(50), 50, noChange, { variance: 1, dof: 30, elapsed: 5, persistence: 0, previousInput: 50 }, out);
    expect(out.current[1]! + out.current[2]!).toBeLessThan(1e-290);
    // However long the gap, π stays (0.96, 0, 0, 0.04): Q = C11 + k²·C22 + k·V·(rγ + rδ) + V·rε = 0.5 + 0.25 + 5·0.0101 + (1 or 50).
    expect(out.predictionVariance).toBeCloseTo(0.96 * (0.8005 + 1) + 0.04 * (0.8005 + 50), 12);
  });

  it("keeps a known slope known in a model without system noise (rγ = rδ = 0)", () => {
    const regime = { re: 1, rg: 0, rd: 0 };
    const staticLevel = filterParams(
      resolvePolicy([
        {
          filter: {
            regimes: {
              steady: { ...regime, prior: 0.92 },
              step: { ...regime, prior: 0.01 },
              slope: { ...regime, prior: 0.03 },
              transient: { ...regime, re: 50, prior: 0.04 },
            },
          },
        },
      ]),
      { direction: "up", kind: "raw" },
    );
    // C12 = C22 = 0: R = [[C11, 0], [0, 0]] is singular, det R = 0, and the posterior slope variance stays 0
    // (up to the rounding of a weighted mean of equal slopes).
    const mixture: Mixture = {
      weights: [0.7, 0.1, 0.15, 0.05],
      means: [10, 0.5, 12, 0.5, 10.5, 0.5, 10, 0.5],
      covariances: [0.3, 0, 0, 1.2, 0, 0, 0.5, 0, 0, 0.6, 0, 0],
    };
    const context: StepContext = { variance: 1, dof: 12, elapsed: 1, persistence: 0, previousInput: 10 };
    const expected = referenceStep(mixture, 11.5, staticLevel, context);
    mixtureStep(mixture, 11.5, staticLevel, context, createEvidence());
    for (let j = 0; j < 4; j++) {
      expect(mixture.means[2 * j + 1]).toBeCloseTo(0.5, 15);
      expect(mixture.covariances[3 * j + 2]).toBeGreaterThanOrEqual(0);
      expect(mixture.covariances[3 * j + 2]).toBeLessThan(1e-30);
      expectClose(mixture.means[2 * j]!, expected.components[j]!.m[0], `level ${j}`);
    }
  });

  it("takes an absurd residual at the clip: everything stays finite", () => {
    for (const y of [1e300, -1e300, Number.MAX_VALUE]) {
      const mixture = worked();
      const out = createEvidence();
      mixtureStep(mixture, y, params, { variance: 1, dof: 10, elapsed: 1, persistence: 0.3, previousInput: 10 }, out);
      const numbers = [
        ...mixture.weights,
        ...mixture.means,
        ...mixture.covariances,
        ...out.current,
        ...out.previous,
        out.predictionMean,
        out.predictionVariance,
        out.steadyVariance,
        out.tail,
      ];
      for (const value of numbers) expect(Number.isFinite(value)).toBe(true);
      expect(out.current.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
      // Far beyond anything: the t likelihoods at a clipped residual e weigh as Q^(n/2)/e^(n+1), so the
      // transient (Q ≈ 51) outweighs the step (Q ≈ 26) by (51/26)^5·0.04/0.01 ≈ 116: p ≈ 0.99.
      expect(out.current[3]).toBeGreaterThan(0.98);
      expect(Math.abs(mixture.means[0]!)).toBeLessThan(1e8);
      expect(out.tail).toBe(0);
    }
  });
});
