import { describe, expect, it } from "vitest";
import { runDetector, type Detector } from "@/lib/bench/nab/detector";

const rows = { times: [0, 60_000, 120_000, 180_000], values: [1, 2, 3, 4] };

describe("runDetector", () => {
  it("shows a detector the rows one at a time, in order, and keeps its answers", () => {
    const seen: [number, number][] = [];
    const detector: Detector = {
      name: "above 2.5",
      output: "pages",
      start: () => (time, value) => {
        seen.push([time, value]);
        return value > 2.5 ? 1 : 0;
      },
    };
    expect(Array.from(runDetector(detector, rows))).toEqual([0, 0, 1, 1]);
    expect(seen).toEqual([
      [0, 1],
      [60_000, 2],
      [120_000, 3],
      [180_000, 4],
    ]);
  });

  it("starts afresh for each file", () => {
    const counter: Detector = {
      name: "count",
      output: "score",
      start: () => {
        let n = 0;
        return () => (n += 0.25);
      },
    };
    expect(Array.from(runDetector(counter, rows))).toEqual([0.25, 0.5, 0.75, 1]);
    expect(Array.from(runDetector(counter, rows))).toEqual([0.25, 0.5, 0.75, 1]);
  });

  it("rejects a page that is not 0 or 1, and a score outside [0, 1]", () => {
    expect(() => runDetector({ name: "half", output: "pages", start: () => () => 0.5 }, rows)).toThrow(/pages are 0 or 1/);
    expect(() => runDetector({ name: "big", output: "score", start: () => () => 1.5 }, rows)).toThrow(/scores lie in \[0, 1\]/);
    expect(() => runDetector({ name: "nan", output: "score", start: () => () => Number.NaN }, rows)).toThrow(/scores lie in/);
  });
});
