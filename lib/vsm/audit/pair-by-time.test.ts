import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pairByTime } from "@/lib/vsm/audit/pair-by-time";
import { MINUTE, SECOND } from "@/lib/vsm/types";

const reports = [
  { at: 0, value: 10 },
  { at: MINUTE, value: 20 },
  { at: 2 * MINUTE, value: 30 },
];

describe("pairByTime", () => {
  it("pairs each audit sample with the nearest report within the gap", () => {
    const audits = [
      { at: 200 * SECOND, value: 31 },
      { at: 50 * SECOND, value: 19 },
      { at: 0, value: 11 },
    ];
    expect(pairByTime(reports, audits, MINUTE)).toEqual([
      { at: 0, reported: 10, audited: 11, gap: 0 },
      { at: 50 * SECOND, reported: 20, audited: 19, gap: 10 * SECOND },
    ]);
    expect(pairByTime(reports, audits, 80 * SECOND)).toHaveLength(3);
  });

  it("gives a tie to the later report and skips duplicates in time", () => {
    expect(pairByTime(reports, [{ at: 30 * SECOND, value: 0 }], MINUTE)[0]!.reported).toBe(20);
    const duplicated = [
      { at: 0, value: 1 },
      { at: 0, value: 2 },
      { at: 10 * SECOND, value: 3 },
    ];
    expect(pairByTime(duplicated, [{ at: 9 * SECOND, value: 0 }], MINUTE)[0]!.reported).toBe(3);
  });

  it("pairs nothing without reports and rejects a negative gap", () => {
    expect(pairByTime([], [{ at: 0, value: 1 }], MINUTE)).toEqual([]);
    expect(() => pairByTime(reports, [], -1)).toThrow(RangeError);
  });

  it("finds the same nearest report as a brute-force search", () => {
    const times = fc.array(fc.integer({ min: 0, max: 1_000 }), { maxLength: 30 });
    fc.assert(
      fc.property(times, times, (rs, as) => {
        const reported = rs.map((at, i) => ({ at, value: i }));
        const pairs = pairByTime(
          reported,
          as.map((at) => ({ at, value: 0 })),
          1_000,
        );
        expect(pairs).toHaveLength(reported.length === 0 ? 0 : as.length);
        for (const p of pairs) expect(p.gap).toBe(Math.min(...rs.map((r) => Math.abs(r - p.at))));
      }),
    );
  });
});
