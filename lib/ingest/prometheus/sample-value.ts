/**
 * A sample value from its 64 bits (two unsigned 32-bit halves, as protobufjs' Long gives them).
 * Prometheus marks the end of a series with the staleness marker, a NaN with the exact bits
 * 0x7ff0000000000002 (`value.StaleNaN`); its own NaN values are 0x7ff8000000000001. The quiet form
 * of the marker (0x7ff8000000000002), which a non-Go sender may produce, counts as stale too.
 */
export type SampleValue = { kind: "stale" } | { kind: "nan" } | { kind: "number"; value: number };

const view = new DataView(new ArrayBuffer(8));

export function sampleValue(low: number, high: number): SampleValue {
  const lowBits = low >>> 0;
  const highBits = high >>> 0;
  if (lowBits === 2 && (highBits === 0x7ff00000 || highBits === 0x7ff80000)) return { kind: "stale" };
  view.setUint32(0, lowBits, true);
  view.setUint32(4, highBits, true);
  const value = view.getFloat64(0, true);
  return Number.isNaN(value) ? { kind: "nan" } : { kind: "number", value };
}
