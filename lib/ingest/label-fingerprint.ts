/**
 * The fingerprint Prometheus and Alertmanager give a label set (prometheus/common
 * `LabelSet.Fingerprint`): FNV-1a 64 over the label names in byte order, each name and value
 * followed by the separator byte 0xff, printed as 16 hex digits. Using the same function means an
 * alert's fingerprint here equals the one Alertmanager shows for it, and a Prometheus series keeps
 * one stable identity across requests (the key of its cumulative-counter memory).
 *
 * 64-bit arithmetic is done in two 32-bit halves: BigInt per byte would cost ~50x more on the
 * remote-write hot path.
 */
const SEPARATOR = 0xff;
const PRIME_LOW = 0x1b3; // FNV prime 2^40 + 0x1b3
const TWO_32 = 4_294_967_296;
const encoder = new TextEncoder();

export function labelFingerprint(labels: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(labels).map(([name, value]) => [encoder.encode(name), encoder.encode(value)] as const);
  pairs.sort(([a], [b]) => compareBytes(a, b));
  let high = 0xcbf29ce4;
  let low = 0x84222325;
  const add = (byte: number) => {
    low = (low ^ byte) >>> 0;
    const lowProduct = low * PRIME_LOW;
    high = (high * PRIME_LOW + Math.floor(lowProduct / TWO_32) + ((low << 8) >>> 0)) % TWO_32;
    low = lowProduct % TWO_32;
  };
  for (const [name, value] of pairs) {
    for (const byte of name) add(byte);
    add(SEPARATOR);
    for (const byte of value) add(byte);
    add(SEPARATOR);
  }
  return high.toString(16).padStart(8, "0") + low.toString(16).padStart(8, "0");
}

/** Go sorts label names as byte strings; UTF-16 order differs above U+D7FF, so compare the UTF-8 bytes. */
function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const difference = a[i]! - b[i]!;
    if (difference !== 0) return difference;
  }
  return a.length - b.length;
}
