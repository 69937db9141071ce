import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, ALLOCATION_STRATEGIES, type ResourceClaim } from "@/lib/vsm/control/allocate";

const amounts = (r: ReturnType<typeof allocate>) => Object.fromEntries(r.allocations.map((a) => [a.unit, a.allocation]));

describe("allocate", () => {
  it("shares fairly and gives a capped unit's surplus to the others", () => {
    // 100 in thirds: a needs only 10, so its 23.3 surplus goes to b and c, 45 each.
    const r = allocate(
      100,
      [
        { unit: "a", request: 10 },
        { unit: "b", request: 50 },
        { unit: "c", request: 60 },
      ],
      "fair-share",
    );
    expect(amounts(r)).toEqual({ a: 10, b: 45, c: 45 });
    expect(r.allocated).toBe(100);
    expect(r.allocations.map((a) => a.capped)).toEqual([true, false, false]);
  });

  it("weights by priority", () => {
    const claims: ResourceClaim[] = [
      { unit: "a", request: 100, priority: 3 },
      { unit: "b", request: 100, priority: 1 },
    ];
    expect(amounts(allocate(100, claims, "priority-weighted"))).toEqual({ a: 75, b: 25 });
    expect(amounts(allocate(100, [{ ...claims[0]!, request: 60 }, claims[1]!], "priority-weighted"))).toEqual({ a: 60, b: 40 });
    expect(
      amounts(
        allocate(
          100,
          [
            { unit: "a", request: 100 },
            { unit: "b", request: 100 },
          ],
          "priority-weighted",
        ),
      ),
    ).toEqual({ a: 50, b: 50 });
  });

  it("weights by performance, serving units with none last", () => {
    const claims: ResourceClaim[] = [
      { unit: "a", request: 100, performance: 2 },
      { unit: "b", request: 100, performance: 1 },
      { unit: "c", request: 100 },
    ];
    expect(amounts(allocate(90, claims, "performance-based"))).toEqual({ a: 60, b: 30, c: 0 });
    const modest = [{ ...claims[0]!, request: 10 }, { ...claims[1]!, request: 20 }, claims[2]!];
    expect(amounts(allocate(90, modest, "performance-based"))).toEqual({ a: 10, b: 20, c: 60 });
  });

  it("meets every request when there is enough, and gives nothing from nothing", () => {
    const claims = [
      { unit: "a", request: 5 },
      { unit: "b", request: 0 },
    ];
    expect(amounts(allocate(100, claims, "fair-share"))).toEqual({ a: 5, b: 0 });
    expect(allocate(100, claims, "fair-share").allocated).toBe(5);
    expect(amounts(allocate(0, claims, "fair-share"))).toEqual({ a: 0, b: 0 });
    expect(allocate(10, [], "fair-share")).toEqual({ strategy: "fair-share", available: 10, allocated: 0, allocations: [] });
  });

  it("takes back the ulps by which rounded shares overshoot what is available", () => {
    // 72.1 × w/23 for w = 4, 9, 5, 5 sums to a hair above 72.1 in floating point.
    const weights = [4, 9, 5, 5];
    expect(weights.map((w) => (72.1 * w) / 23).reduce((s, a) => s + a, 0)).toBeGreaterThan(72.1);
    const r = allocate(
      72.1,
      weights.map((priority, i) => ({ unit: `u${i}`, request: 1_000, priority })),
      "priority-weighted",
    );
    expect(r.allocated).toBeLessThanOrEqual(72.1);
    r.allocations.forEach((a, i) => expect(a.allocation).toBeCloseTo((72.1 * weights[i]!) / 23, 12));
  });

  it("takes the overshoot from zero-weight leftovers first", () => {
    // Five units without performance share 0.1 in fifths, which sum to a hair above 0.1.
    expect(Array.from({ length: 5 }, () => 0.1 * (1 / 5)).reduce((s, a) => s + a, 0)).toBeGreaterThan(0.1);
    const r = allocate(
      0.1,
      Array.from({ length: 5 }, (_, i) => ({ unit: `u${i}`, request: 1 })),
      "performance-based",
    );
    expect(r.allocated).toBeLessThanOrEqual(0.1);
    r.allocations.forEach((a) => expect(a.allocation).toBeCloseTo(0.02, 15));
  });

  it("keeps the water level when the rounding correction is needed with every unit nearly capped", () => {
    // Found by the property below: available equals Σ requests but for one ulp.
    const claims = [
      { unit: "a", request: 0.0023484353728531198, priority: 0.01 },
      { unit: "b", request: 2.5903332523468787, priority: 0.01 },
      { unit: "c", request: 3.002537118681385, priority: 0.011591315978218558 },
    ];
    const r = allocate(5.595218806401117, claims, "priority-weighted");
    expect(r.allocated).toBeLessThanOrEqual(5.595218806401117);
    expect(r.allocations.map((a) => a.capped)).toEqual([true, false, true]);
  });

  it("gives a tiny request its due even beside a tiny weight", () => {
    const claims = [
      { unit: "a", request: 1e-9, priority: 0 },
      { unit: "b", request: 5e-324, priority: 5e-324 },
    ];
    expect(amounts(allocate(1e-9, claims, "priority-weighted"))).toEqual({ a: 1e-9, b: 5e-324 });
  });

  it("rejects negative or non-finite amounts and weights", () => {
    expect(() => allocate(-1, [], "fair-share")).toThrow(RangeError);
    expect(() => allocate(1, [{ unit: "a", request: -1 }], "fair-share")).toThrow(RangeError);
    expect(() => allocate(1, [{ unit: "a", request: 1, priority: -2 }], "priority-weighted")).toThrow(RangeError);
    expect(() => allocate(1, [{ unit: "a", request: 1, performance: Number.NaN }], "performance-based")).toThrow(/a: a weight/);
  });

  const claim = fc.record({
    unit: fc.string(),
    request: fc.double({ min: 0, max: 1e6, noNaN: true }),
    priority: fc.double({ min: 0, max: 100, noNaN: true }),
    performance: fc.double({ min: 0, max: 10, noNaN: true }),
  });
  const input = fc.tuple(
    fc.double({ min: 0, max: 2e6, noNaN: true }),
    fc.array(claim, { maxLength: 12 }),
    fc.constantFrom(...ALLOCATION_STRATEGIES),
  );

  it("never gives more than is available, more than requested, or less than nothing", () => {
    fc.assert(
      fc.property(input, ([available, claims, strategy]) => {
        const r = allocate(available, claims, strategy);
        expect(r.allocations.reduce((s, a) => s + a.allocation, 0)).toBeLessThanOrEqual(available);
        r.allocations.forEach((a, i) => {
          expect(a.allocation).toBeGreaterThanOrEqual(0);
          expect(a.allocation).toBeLessThanOrEqual(claims[i]!.request);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("leaves nothing idle: it gives out min(available, Σ requests)", () => {
    fc.assert(
      fc.property(input, ([available, claims, strategy]) => {
        const wanted = claims.reduce((s, c) => s + c.request, 0);
        const expected = Math.min(available, wanted);
        expect(Math.abs(allocate(available, claims, strategy).allocated - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
      }),
      { numRuns: 500 },
    );
  });

  // Weights and amounts at a realistic scale: a ratio of 1e-300 between two priorities has no level to compare.
  const amount = fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e6, noNaN: true }));
  const weighted = fc.record({
    unit: fc.string(),
    request: amount,
    priority: fc.oneof(fc.constant(0), fc.double({ min: 1e-2, max: 100, noNaN: true })),
  });

  it("water-fills: uncapped units share one level in proportion to weight, capped ones asked for less", () => {
    fc.assert(
      fc.property(amount, fc.array(weighted, { maxLength: 12 }), (available, claims) => {
        const r = allocate(available, claims, "priority-weighted");
        const open = r.allocations.filter((a) => !a.capped && a.weight > 0);
        if (open.length === 0) return;
        const level = open[0]!.allocation / open[0]!.weight;
        for (const a of open) expect(a.allocation / a.weight).toBeCloseTo(level, 6);
        for (const a of r.allocations.filter((x) => x.capped && x.weight > 0))
          expect(a.request / a.weight).toBeLessThanOrEqual(level * (1 + 1e-9));
      }),
      { numRuns: 500 },
    );
  });
});
