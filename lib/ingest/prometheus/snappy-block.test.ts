import fc from "fast-check";
import { compress } from "snappyjs";
import { describe, expect, it } from "vitest";
import { MalformedBodyError } from "../malformed-body";
import { uncompressSnappyBlock } from "./snappy-block";

const LIMIT = 1 << 20;
const hex = (text: string) => Uint8Array.from(Buffer.from(text, "hex"));

function refusal(body: Uint8Array, limit = LIMIT): MalformedBodyError {
  try {
    uncompressSnappyBlock(body, limit);
  } catch (error) {
    if (error instanceof MalformedBodyError) return error;
    throw error;
  }
  throw new Error("the body was accepted");
}

describe("uncompressSnappyBlock", () => {
  it("gives back what a real snappy compressor packed, runs and back-references included", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 3000 }),
          fc.string({ maxLength: 3000 }).map((s) => new TextEncoder().encode(s.repeat(3))),
        ),
        (bytes) => {
          expect(uncompressSnappyBlock(compress(bytes), LIMIT)).toEqual(bytes);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads every literal and back-reference width of the format", () => {
    // 3 bytes declared; literal "ab" (tag 0x04); 1-byte-offset copies need 4+, so a 2-byte-offset copy of 1 byte at offset 2 (tag 0x02 | 0 << 2).
    expect(uncompressSnappyBlock(hex("03" + "04" + "6162" + "02" + "0200"), LIMIT)).toEqual(new TextEncoder().encode("aba"));
    // A literal whose length sits in one extra byte (tag 60 << 2): 61 bytes of 'x', then a 4-byte-offset copy of 2 at offset 61 (tag 0x07 | 1 << 2).
    const literal = "f0" + "3c" + "78".repeat(61);
    expect(uncompressSnappyBlock(hex("3f" + literal + "07" + "3d000000"), LIMIT)).toEqual(new TextEncoder().encode("x".repeat(63)));
    // A run: "a", then a 1-byte-offset copy of 7 at offset 1 overlapping what it writes (tag 0x01 | 3 << 2).
    expect(uncompressSnappyBlock(hex("08" + "00" + "61" + "0d" + "01"), LIMIT)).toEqual(new TextEncoder().encode("aaaaaaaa"));
  });

  it("refuses a block that declares more than the limit before expanding it", () => {
    const error = refusal(compress(new Uint8Array(5000)), 4096);
    expect(error.code).toBe("payload_too_large");
    expect(error.message).toContain("5000 bytes");
  });

  it("answers a hostile literal length at once instead of walking two billion bytes", () => {
    // Found by the remote-write fuzz test: snappyjs 0.7 read this 8-byte body as a literal of
    // minus two billion bytes and spent ten seconds walking back over it.
    const started = performance.now();
    expect(refusal(hex("05fc01ff0b8344fd")).message).toContain("past the end of the body");
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it.each([
    ["an unreadable length", "ffffffffff", "not readable"],
    ["a length beyond 32 bits", "ffffffff7f", "not readable"],
    ["an empty body", "", "not readable"],
    ["a literal past the end", "05086162", "past the end of the body"],
    ["a literal past the declared length", "020861626364", "past the declared length"],
    ["a literal length cut off", "05f0", "length runs past the end"],
    ["a back-reference cut off", "0500610e", "back-reference runs past the end"],
    ["a back-reference before the start", "0500610d05", "before the start"],
    ["a back-reference of offset 0", "0500610d00", "before the start"],
    ["a back-reference past the declared length", "0300610d01", "past the declared length"],
    ["too few bytes for the declared length", "050061", "holds 1 bytes, not the 5"],
  ])("refuses %s", (_, body, reason) => {
    const error = refusal(hex(body));
    expect(error.code).toBe("bad_request");
    expect(error.message).toContain(reason);
  });
});
