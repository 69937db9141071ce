import { describe, expect, it } from "vitest";
import { checkWindow, inWindow, splitWindow } from "@/lib/vsm/time-window";

describe("time windows", () => {
  it("are half-open", () => {
    const w = { from: 10, to: 20 };
    expect(inWindow(10, w)).toBe(true);
    expect(inWindow(19.999, w)).toBe(true);
    expect(inWindow(20, w)).toBe(false);
    expect(inWindow(9, w)).toBe(false);
  });

  it("split into steps, the last one cut at the end", () => {
    expect(splitWindow({ from: 0, to: 10 }, 4)).toEqual([
      { from: 0, to: 4 },
      { from: 4, to: 8 },
      { from: 8, to: 10 },
    ]);
    expect(() => splitWindow({ from: 0, to: 10 }, 0)).toThrow(RangeError);
  });

  it("must have from before to", () => {
    expect(checkWindow({ from: 1, to: 2 })).toEqual({ from: 1, to: 2 });
    expect(() => checkWindow({ from: 2, to: 2 })).toThrow(RangeError);
    expect(() => checkWindow({ from: Number.NaN, to: 2 })).toThrow(RangeError);
  });
});
