/**
 * The fingerprint Prometheus and Alertmanager give a label set (prometheus/common
 * `LabelSet.Fingerprint`): FNV-1a 64 over the label names in byte order, each name and value
 * followed by the separator byte 0xff, printed as 16 hex digits. Using the same function means an
 * alert's fingerprint here equals the one Alertmanager shows for it, and a Prometheus series keeps
 * one stable identity across requests (the key of its cumulative-counter memory).
 *
 * It runs once per series on the remote-write hot path, so it works on the strings' UTF-8 bytes
 * without allocating them, and multiplies in four 16-bit limbs (FNV prime = 2^40 + 0x1b3), which
 * stay exact in small integers where BigInt or float arithmetic would cost ~20x more.
 */
const SEPARATOR = 0xff;

export function labelFingerprint(labels: Readonly<Record<string, string>>): string {
  const names = Object.keys(labels).sort(compareCodePoints);
  // Offset basis 0xcbf29ce484222325, lowest limb first.
  [h0, h1, h2, h3] = [0x2325, 0x8422, 0x9ce4, 0xcbf2];
  for (const name of names) {
    addUtf8(name);
    addByte(SEPARATOR);
    addUtf8(labels[name]!);
    addByte(SEPARATOR);
  }
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, "0")).join("");
}

// The running hash, in module state rather than a closure: this is the hot loop, and nothing in
// it can re-enter labelFingerprint.
let h0 = 0;
let h1 = 0;
let h2 = 0;
let h3 = 0;

function addByte(byte: number): void {
  h0 ^= byte;
  const t0 = h0 * 0x1b3;
  const t1 = h1 * 0x1b3 + (t0 >>> 16);
  const t2 = h2 * 0x1b3 + (t1 >>> 16) + h0 * 0x100;
  const t3 = h3 * 0x1b3 + (t2 >>> 16) + h1 * 0x100;
  h0 = t0 & 0xffff;
  h1 = t1 & 0xffff;
  h2 = t2 & 0xffff;
  h3 = t3 & 0xffff;
}

/** Feeds the UTF-8 bytes of a string; a lone surrogate becomes U+FFFD, as TextEncoder and Go do. */
function addUtf8(text: string): void {
  for (let i = 0; i < text.length; i += 1) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      addByte(code);
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i += 1;
      } else code = 0xfffd;
    }
    if (code < 0x800) {
      addByte(0xc0 | (code >> 6));
    } else if (code < 0x10000) {
      addByte(0xe0 | (code >> 12));
      addByte(0x80 | ((code >> 6) & 0x3f));
    } else {
      addByte(0xf0 | (code >> 18));
      addByte(0x80 | ((code >> 12) & 0x3f));
      addByte(0x80 | ((code >> 6) & 0x3f));
    }
    addByte(0x80 | (code & 0x3f));
  }
}

/**
 * Go sorts label names as byte strings, which for UTF-8 is code point order. UTF-16 code unit
 * order (JavaScript's `<`) differs only where a surrogate meets U+E000–U+FFFF; shifting those two
 * ranges past each other makes the unit order the code point order.
 */
function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return rank(x) - rank(y);
  }
  return a.length - b.length;
}

function rank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}
