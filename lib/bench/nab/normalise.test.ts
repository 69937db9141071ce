import { describe, expect, it } from "vitest";
import type { NabFile } from "@/lib/bench/nab/corpus";
import { normalise, scoreRange } from "@/lib/bench/nab/normalise";

const file = (rows: number, windows: { start: number; end: number }[]): NabFile => ({
  key: "c/f.csv",
  category: "c",
  times: new Float64Array(rows),
  values: new Float64Array(rows),
  windows,
});

describe("scoreRange and normalise", () => {
  it("puts null at 0 and perfect at 100", () => {
    // Two files, three windows, tp 1 / fn 2: null = −2·3 = −6, perfect = 3.
    const files = [
      file(100, [{ start: 20, end: 30 }]),
      file(100, [
        { start: 40, end: 50 },
        { start: 60, end: 70 },
      ]),
    ];
    const range = scoreRange(files, { tpWeight: 1, fpWeight: 0.11, fnWeight: 2 });
    expect(range).toEqual({ nullRaw: -6, perfectRaw: 3 });
    expect(normalise(-6, range)).toBe(0);
    expect(normalise(3, range)).toBe(100);
    // Half way: (−1.5 + 6)/(3 + 6) = 50.
    expect(normalise(-1.5, range)).toBe(50);
  });

  it("does not charge null for a window inside probation, but perfect still counts it (as NAB does)", () => {
    // 100 rows: probation 15 rows; the window at rows 2–9 is wholly inside it.
    expect(
      scoreRange(
        [
          file(100, [
            { start: 2, end: 9 },
            { start: 40, end: 50 },
          ]),
        ],
        { tpWeight: 1, fpWeight: 0.11, fnWeight: 1 },
      ),
    ).toEqual({ nullRaw: -1, perfectRaw: 2 });
  });
});
