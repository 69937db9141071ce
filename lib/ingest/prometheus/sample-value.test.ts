import { describe, expect, it } from "vitest";
import { sampleValue } from "./sample-value";

function halves(value: number): [number, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value, true);
  return [view.getUint32(0, true), view.getUint32(4, true)];
}

describe("sampleValue", () => {
  it("tells the staleness marker from Prometheus' ordinary NaN by its bits", () => {
    expect(sampleValue(2, 0x7ff00000)).toEqual({ kind: "stale" }); // value.StaleNaN
    expect(sampleValue(2, 0x7ff80000)).toEqual({ kind: "stale" }); // the same, quieted
    expect(sampleValue(1, 0x7ff80000)).toEqual({ kind: "nan" }); // Go's math.NaN()
    expect(sampleValue(0, 0x7ff80000)).toEqual({ kind: "nan" });
    expect(sampleValue(2, 0xfff00000)).toEqual({ kind: "nan" }); // negative sign: not the marker
  });

  it("reads ordinary doubles exactly, infinities included", () => {
    for (const value of [0, -0, 1, -1.5, 0.1, 1e-300, 1.7976931348623157e308, 1796046917, Number.POSITIVE_INFINITY]) {
      expect(sampleValue(...halves(value))).toEqual({ kind: "number", value });
    }
  });

  it("takes signed halves as protobufjs' Long gives them", () => {
    const [low, high] = halves(-2.5);
    expect(sampleValue(low | 0, high | 0)).toEqual({ kind: "number", value: -2.5 });
  });
});
