import { describe, expect, it } from "vitest";
import { normalEquivalent } from "@/lib/vsm/filter/student-t";

/** Γ(x) for x a positive multiple of ½: Γ(½) = √π, Γ(1) = 1, Γ(x + 1) = x·Γ(x). */
function gamma(x: number): number {
  const whole = Number.isInteger(x);
  let g = whole ? 1 : Math.sqrt(Math.PI);
  for (let y = whole ? 1 : 0.5; y < x; y += 1) g *= y;
  return g;
}

function simpson(f: (x: number) => number, a: number, b: number, steps = 20_000): number {
  const h = (b - a) / steps;
  let sum = f(a) + f(b);
  for (let i = 1; i < steps; i++) sum += (i % 2 === 1 ? 4 : 2) * f(a + i * h);
  return (sum * h) / 3;
}

/** 2∫_x^∞ density, integrated over u in (0, 1] with x' = x/u, so the infinite tail is a finite range. */
function twoSidedTail(density: (x: number) => number, x: number): number {
  return 2 * simpson((u) => (u === 0 ? 0 : (density(x / u) * x) / (u * u)), 0, 1);
}

/** Exact two-sided tail of Student's t with n degrees of freedom, by integrating its density. */
function studentTail(t: number, n: number): number {
  const c = gamma((n + 1) / 2) / (Math.sqrt(n * Math.PI) * gamma(n / 2));
  return twoSidedTail((x) => c * (1 + (x * x) / n) ** (-(n + 1) / 2), t);
}

const normalTail = (z: number) => twoSidedTail((x) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI), z);

/** The normal deviate with two-sided tail p, by bisection. */
function normalDeviate(p: number): number {
  let low = 0.01;
  let high = 40;
  for (let i = 0; i < 60; i++) {
    const middle = (low + high) / 2;
    if (normalTail(middle) > p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/** The exact tail-matching conversion the approximation stands for. */
const exactEquivalent = (t: number, n: number) => normalDeviate(studentTail(t, n));

describe("the test's own exact conversion", () => {
  it("reproduces tabulated quantiles", () => {
    // t_{0.975, 1} = 12.706, t_{0.975, 10} = 2.228; z_{0.975} = 1.960, z_{0.995} = 2.576.
    expect(studentTail(12.706, 1)).toBeCloseTo(0.05, 5);
    expect(studentTail(2.228, 10)).toBeCloseTo(0.05, 4);
    expect(normalDeviate(0.05)).toBeCloseTo(1.959964, 5);
    expect(normalDeviate(0.01)).toBeCloseTo(2.575829, 5);
  });
});

describe("normalEquivalent", () => {
  it("maps tabulated t quantiles to the normal quantiles of the same tail", () => {
    // t_{0.975, 10} = 2.228 ↔ z = 1.960; t_{0.995, 5} = 4.032 ↔ z = 2.576.
    expect(Math.abs(normalEquivalent(2.228, 10) - 1.96)).toBeLessThan(0.01);
    expect(Math.abs(normalEquivalent(4.032, 5) - 2.576)).toBeLessThan(0.02);
  });

  it("matches the exact tail conversion within 0.011 where thresholds live (n ≥ 5, |t| ≤ 4; n ≥ 20, |t| ≤ 10)", () => {
    // Measured: the error grows with t and shrinks with n; at (4, 5) it is −0.0107, at (10, 20) −0.0101.
    for (const n of [5, 10, 30, 100])
      for (const t of [1, 2, 3, 4]) expect(Math.abs(normalEquivalent(t, n) - exactEquivalent(t, n))).toBeLessThan(0.011);
    for (const n of [20, 50, 200])
      for (const t of [6, 8, 10]) expect(Math.abs(normalEquivalent(t, n) - exactEquivalent(t, n))).toBeLessThan(0.011);
  });

  it("errs by at most 0.04, on the low side, at few dof and large t", () => {
    // student-t.ts claims 0.01 for n ≥ 5 and |t| ≤ 10; measured, (10, 5) is 0.038 low and (6, 5) 0.021 low.
    for (const t of [6, 8, 10]) {
      const error = normalEquivalent(t, 5) - exactEquivalent(t, 5);
      expect(error).toBeLessThan(0);
      expect(error).toBeGreaterThan(-0.04);
    }
  });

  it("is odd in t", () => {
    expect(normalEquivalent(0, 7)).toBe(0);
    for (const [t, n] of [
      [0.5, 3],
      [2.5, 12],
      [9, 200],
    ] as const) {
      expect(normalEquivalent(-t, n)).toBe(-normalEquivalent(t, n));
      expect(normalEquivalent(t, n)).toBeGreaterThan(0);
    }
  });

  it("reads a t through heavier tails as a smaller deviate, tending to t itself as n grows", () => {
    expect(normalEquivalent(3, 5)).toBeLessThan(normalEquivalent(3, 50));
    expect(normalEquivalent(3, 50)).toBeLessThan(3);
    for (const t of [0.5, 2, 5, 10]) expect(Math.abs(normalEquivalent(t, 1e6) - t)).toBeLessThan(1e-4 * t);
    expect(normalEquivalent(4, 1e12)).toBeCloseTo(4, 9);
  });
});
