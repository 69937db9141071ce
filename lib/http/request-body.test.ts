import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { gzipSync, deflateSync } from "node:zlib";
import { isJsonMediaType, readBodyBytes, readDecodedBody, readJsonBody, requireContentType } from "@/lib/http/request-body";

function post(body: BodyInit | null, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost/api/x", { method: "POST", body, headers });
}

/** A body whose size the server cannot know up front (no Content-Length), sent in chunks. */
function streamed(chunks: number, chunkBytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent === chunks) return controller.close();
      sent += 1;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
    },
  });
}

async function rejection(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("requireContentType", () => {
  it("returns the bare media type when accepted, ignoring parameters and case", () => {
    const request = post("x", { "content-type": "Application/X-Protobuf; charset=binary" });
    expect(requireContentType(request, ["application/x-protobuf", "application/json"])).toBe("application/x-protobuf");
  });

  it("answers 415 naming the accepted types when missing or different", () => {
    for (const headers of [{}, { "content-type": "text/plain" }] as Record<string, string>[]) {
      try {
        requireContentType(post("x", headers), ["application/x-protobuf"]);
        expect.unreachable();
      } catch (error) {
        expect(error).toMatchObject({ status: 415, details: { accepted: ["application/x-protobuf"] } });
      }
    }
  });

  it("recognises JSON and +json media types only", () => {
    expect(isJsonMediaType("application/json")).toBe(true);
    expect(isJsonMediaType("application/merge-patch+json")).toBe(true);
    expect(isJsonMediaType("text/json+plain")).toBe(false);
    expect(isJsonMediaType("text/plain")).toBe(false);
    expect(isJsonMediaType(undefined)).toBe(false);
  });
});

describe("readBodyBytes", () => {
  it("reads a body within the limit, byte for byte", async () => {
    const bytes = await readBodyBytes(post(new Uint8Array([1, 2, 3])), 3);
    expect([...bytes]).toEqual([1, 2, 3]);
    expect((await readBodyBytes(new Request("http://localhost/"), 10)).byteLength).toBe(0);
  });

  it("answers 413 from a declared length over the limit, whatever the body holds", async () => {
    const request = post("[1]", { "content-length": "2000000" });
    expect((await rejection(readBodyBytes(request, 1000))).status).toBe(413);
  });

  it("answers 413 while streaming a body of unannounced size, at the first byte over", async () => {
    const exact = new Request("http://localhost/", { method: "POST", body: streamed(4, 256), duplex: "half" } as RequestInit);
    expect((await readBodyBytes(exact, 1024)).byteLength).toBe(1024);
    const over = new Request("http://localhost/", { method: "POST", body: streamed(5, 256), duplex: "half" } as RequestInit);
    const error = await rejection(readBodyBytes(over, 1024));
    expect(error).toMatchObject({ code: "payload_too_large", message: "The request body is larger than the limit of 1024 bytes" });
  });
});

describe("readJsonBody", () => {
  const json = { "content-type": "application/json; charset=utf-8" };

  it("parses a JSON body", async () => {
    expect(await readJsonBody(post('{"a":[1,2]}', json))).toEqual({ a: [1, 2] });
  });

  it("answers 415 for a body that is not declared JSON", async () => {
    expect((await rejection(readJsonBody(post('{"a":1}', { "content-type": "text/plain" })))).status).toBe(415);
    expect((await rejection(readJsonBody(post('{"a":1}')))).status).toBe(415);
  });

  it("answers 400 for an empty body, invalid UTF-8 and malformed JSON", async () => {
    expect(await rejection(readJsonBody(post("", json)))).toMatchObject({
      status: 400,
      message: "The request body is empty: expected JSON",
    });
    expect(await rejection(readJsonBody(post(new Uint8Array([0x7b, 0xff, 0x7d]), json)))).toMatchObject({
      status: 400,
      message: "The request body is not valid UTF-8",
    });
    const malformed = await rejection(readJsonBody(post('{"a":', json)));
    expect(malformed).toMatchObject({ status: 400, code: "bad_request", message: "The request body is not valid JSON" });
    expect(malformed.details).toEqual([{ path: "", message: expect.stringContaining("JSON") }]);
  });

  it("answers 413 above the limit", async () => {
    expect((await rejection(readJsonBody(post(`[${"1,".repeat(100)}1]`, json), 100))).status).toBe(413);
  });
});

describe("readDecodedBody", () => {
  const limits = { wireBytes: 1_000, expandedBytes: 10_000 };
  const text = "x".repeat(5_000);

  it("decompresses gzip, x-gzip and deflate bodies and passes identity ones through", async () => {
    for (const [coding, bytes] of [
      ["gzip", gzipSync(text)],
      ["X-Gzip", gzipSync(text)],
      ["deflate", deflateSync(text)],
      ["identity", Buffer.from(text)],
    ] as const) {
      const body = await readDecodedBody(post(new Uint8Array(bytes), { "content-encoding": coding }), limits);
      expect(new TextDecoder().decode(body)).toBe(text);
    }
  });

  it("answers 413 for a small body that expands past the limit (a gzip bomb), 400 for a corrupt stream", async () => {
    const bomb = gzipSync(Buffer.alloc(50_000_000));
    expect(bomb.byteLength).toBeLessThan(limits.wireBytes * 100);
    const tooBig = await rejection(
      readDecodedBody(post(new Uint8Array(gzipSync("y".repeat(20_000))), { "content-encoding": "gzip" }), limits),
    );
    expect([tooBig.status, tooBig.message]).toEqual([413, "The gzip body expands past the limit of 10000 bytes"]);
    const exploded = await rejection(
      readDecodedBody(post(new Uint8Array(bomb), { "content-encoding": "gzip" }), { wireBytes: 1e6, expandedBytes: 1e6 }),
    );
    expect(exploded.status).toBe(413);
    const corrupt = await rejection(readDecodedBody(post(new Uint8Array([0x1f, 0x8b, 1, 2, 3]), { "content-encoding": "gzip" }), limits));
    expect(corrupt.status).toBe(400);
    expect(corrupt.message).toMatch(/^The body is not valid gzip data/);
  });

  it("answers 415 for a coding it does not decode, 413 for a compressed body past the wire limit", async () => {
    const unknown = await rejection(readDecodedBody(post("x", { "content-encoding": "br" }), limits));
    expect([unknown.status, unknown.message]).toEqual([
      415,
      "Content-Encoding br is not accepted: send the body uncompressed or as gzip or x-gzip or deflate",
    ]);
    const wire = await rejection(readDecodedBody(post(new Uint8Array(2_000), { "content-encoding": "gzip" }), limits));
    expect(wire.status).toBe(413);
  });
});
