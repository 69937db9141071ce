import { MalformedBodyError } from "../malformed-body";

/**
 * Expands a snappy block (the format remote-write's `Content-Encoding: snappy` names: a varint of
 * the expanded length, then literals and back-references). Written here rather than taken from a
 * library because the decoder sits in front of the network: every length is checked against the
 * bytes that are really there and the room that was declared, so a hostile 8-byte body costs
 * microseconds (snappyjs 0.7 let a negative literal length walk its read position back two
 * billion bytes, ten seconds of CPU a request). A block that declares more than `maxBytes` is
 * refused before anything is allocated (413); anything else that is not a well-formed block is a
 * MalformedBodyError (400, which Prometheus does not retry).
 */
export function uncompressSnappyBlock(body: Uint8Array, maxBytes: number): Uint8Array {
  const { length, start } = readPreamble(body);
  if (length > maxBytes) {
    throw new MalformedBodyError(`The snappy body expands to ${length} bytes, more than the limit of ${maxBytes}`, {
      code: "payload_too_large",
    });
  }
  const out = new Uint8Array(length);
  let read = start;
  let written = 0;
  while (read < body.length) {
    const tag = body[read]!;
    read += 1;
    const kind = tag & 0x3;
    if (kind === 0) {
      let literal = (tag >>> 2) + 1;
      if (literal > 60) {
        const width = literal - 60;
        if (read + width > body.length) malformed("a literal's length runs past the end of the body");
        literal = littleEndian(body, read, width) + 1;
        read += width;
      }
      if (literal > body.length - read) malformed("a literal runs past the end of the body");
      if (literal > length - written) malformed("a literal runs past the declared length");
      out.set(body.subarray(read, read + literal), written);
      read += literal;
      written += literal;
      continue;
    }
    const width = kind === 1 ? 1 : kind === 2 ? 2 : 4;
    if (read + width > body.length) malformed("a back-reference runs past the end of the body");
    const copy = kind === 1 ? ((tag >>> 2) & 0x7) + 4 : (tag >>> 2) + 1;
    const offset = kind === 1 ? ((tag >>> 5) << 8) | body[read]! : littleEndian(body, read, width);
    read += width;
    if (offset === 0 || offset > written) malformed("a back-reference points before the start of the output");
    if (copy > length - written) malformed("a back-reference runs past the declared length");
    // Byte by byte: a back-reference may overlap the bytes it writes (a run).
    for (let i = 0; i < copy; i += 1) out[written + i] = out[written - offset + i]!;
    written += copy;
  }
  if (written !== length) malformed(`the block holds ${written} bytes, not the ${length} it declares`);
  return out;
}

/** The expanded length: a little-endian base-128 varint of at most 32 bits. */
function readPreamble(body: Uint8Array): { length: number; start: number } {
  let length = 0;
  for (let i = 0; i < Math.min(body.length, 5); i += 1) {
    const byte = body[i]!;
    length += (byte & 0x7f) * 2 ** (7 * i);
    if ((byte & 0x80) === 0) {
      if (length > 0xffffffff) break;
      return { length, start: i + 1 };
    }
  }
  return malformed("the expanded length at its start is not readable");
}

function littleEndian(body: Uint8Array, at: number, width: number): number {
  let value = 0;
  for (let i = 0; i < width; i += 1) value += body[at + i]! * 2 ** (8 * i);
  return value;
}

function malformed(reason: string): never {
  throw new MalformedBodyError(`malformed snappy block: ${reason}`);
}
