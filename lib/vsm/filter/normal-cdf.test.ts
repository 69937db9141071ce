import { describe, expect, it } from "vitest";
import { normalCdf } from "@/lib/vsm/filter/normal-cdf";

describe("normalCdf", () => {
  it("matches tabulated values of Φ", () => {
    const table: [number, number][] = [
      [0, 0.5],
      [1, 0.8413447461],
      [-1, 0.1586552539],
      [1.959963985, 0.975],
      [-2.326347874, 0.01],
      [3, 0.998650102],
      [-5, 2.866515719e-7],
    ];
    for (const [x, p] of table) expect(Math.abs(normalCdf(x) - p)).toBeLessThan(2e-7);
  });

  it("is symmetric and stays within [0, 1] far out", () => {
    for (const x of [0.3, 1.7, 4.2]) expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 12);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(-40)).toBeGreaterThanOrEqual(0);
  });
});
