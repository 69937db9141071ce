import { describe, expect, it } from "vitest";
import { decodeJournal, encodeJournal } from "@/lib/pipeline/journal-codec";

describe("the roll-up journal's packing", () => {
  it("gives back every point and width exactly, awkward doubles included", () => {
    const entry = {
      points: [
        { indicatorId: 1, time: Date.UTC(2026, 10, 30, 12, 0, 0, 1), value: 0.1 + 0.2 },
        { indicatorId: 2_000_000_000, time: 0, value: -1e-300 },
        { indicatorId: 7, time: 4_102_444_800_000, value: Number.MAX_VALUE },
      ],
      binWidths: new Map([
        [1, 0.01],
        [2_000_000_000, 1],
        [7, 1e300],
      ]),
    };
    const bytes = encodeJournal(entry);
    expect(bytes.byteLength).toBe((3 + 3 * 3 + 3 * 2) * 8);
    expect(decodeJournal(bytes)).toEqual(entry);
  });

  it("reads an entry from a view at any offset, as a driver's pooled Buffer is", () => {
    const bytes = encodeJournal({ points: [{ indicatorId: 3, time: 5, value: 6 }], binWidths: new Map([[3, 1]]) });
    const pooled = new Uint8Array(bytes.byteLength + 3);
    pooled.set(bytes, 3);
    expect(decodeJournal(pooled.subarray(3))).toEqual({ points: [{ indicatorId: 3, time: 5, value: 6 }], binWidths: new Map([[3, 1]]) });
  });

  it("packs an empty batch", () => {
    expect(decodeJournal(encodeJournal({ points: [], binWidths: new Map() }))).toEqual({ points: [], binWidths: new Map() });
  });

  it("refuses a truncated entry, an entry of another version and one whose counts do not match its length", () => {
    const bytes = encodeJournal({ points: [{ indicatorId: 3, time: 5, value: 6 }], binWidths: new Map([[3, 1]]) });
    expect(() => decodeJournal(bytes.subarray(0, 12))).toThrow(/12 bytes is malformed/);
    const other = bytes.slice();
    new DataView(other.buffer).setFloat64(0, 2, true);
    expect(() => decodeJournal(other)).toThrow(/version 2; this build reads version 1/);
    expect(() => decodeJournal(bytes.subarray(0, bytes.byteLength - 8))).toThrow(/does not hold 1 points and 1 widths/);
  });
});
