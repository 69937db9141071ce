import { describe, expect, it } from "vitest";
import {
  errorResponse,
  finalStatus,
  frame,
  PROTOCOL_3_0,
  queryMessage,
  readFrames,
  readStartup,
  refuseCopyFromStdin,
  SSL_REQUEST,
  startupMessage,
} from "@/lib/store/embedded/wire";

const ready = (status: string) => frame("Z", Buffer.from(status, "latin1"));
const commandComplete = (tag: string) => frame("C", Buffer.from(`${tag}\0`));

describe("wire frames", () => {
  it("cuts a byte stream into whole frames, keeping a partial one for later", () => {
    const stream = Buffer.concat([queryMessage("SELECT 1"), queryMessage("SELECT 2")]);
    const cut = stream.length - 3;
    const first = readFrames(stream.subarray(0, cut));
    expect(first.frames.map((f) => f.toString("latin1", 5, f.length - 1))).toEqual(["SELECT 1"]);
    expect(first.rest).toHaveLength(cut - queryMessage("SELECT 1").length);
    const second = readFrames(Buffer.concat([first.rest, stream.subarray(cut)]));
    expect(second.frames.map((f) => f.toString("latin1", 5, f.length - 1))).toEqual(["SELECT 2"]);
    expect(second.rest).toHaveLength(0);
  });

  it("refuses a frame whose length cannot be", () => {
    expect(() => readFrames(Buffer.from([0x51, 0, 0, 0, 2]))).toThrow(/invalid message length 2/);
  });

  it("reads a startup packet's parameters, and an SSL request's code alone", () => {
    const startup = readStartup(Buffer.concat([startupMessage({ user: "postgres", client_encoding: "UTF8" }), queryMessage("x")]));
    expect(startup!.packet.code).toBe(PROTOCOL_3_0);
    expect(Object.fromEntries(startup!.packet.params)).toEqual({ user: "postgres", client_encoding: "UTF8" });
    expect(startup!.rest).toEqual(queryMessage("x"));
    const ssl = Buffer.alloc(8);
    ssl.writeInt32BE(8, 0);
    ssl.writeInt32BE(SSL_REQUEST, 4);
    expect(readStartup(ssl)!.packet).toEqual({ code: SSL_REQUEST, params: new Map() });
    expect(readStartup(ssl.subarray(0, 6))).toBeNull();
  });
});

describe("finalStatus", () => {
  it("is the status of a closing ReadyForQuery: idle, in a transaction, or in a failed one", () => {
    expect(finalStatus(Buffer.concat([commandComplete("BEGIN"), ready("T")]))).toBe("T");
    expect(finalStatus(Buffer.concat([ready("T"), errorResponse("ERROR", "42703", "no"), ready("E")]))).toBe("E");
    expect(finalStatus(Buffer.concat([commandComplete("COMMIT"), ready("I")]))).toBe("I");
  });

  it("is null while the client is mid-conversation: output not ending in ReadyForQuery, or none at all", () => {
    expect(finalStatus(Buffer.concat([ready("I"), frame("1", Buffer.alloc(0))]))).toBeNull();
    expect(finalStatus(Buffer.alloc(0))).toBeNull();
  });

  it("is not fooled by row data that looks like ReadyForQuery", () => {
    const row = frame("D", Buffer.concat([Buffer.from([0, 1, 0, 0, 0, 6]), Buffer.from("Z\0\0\0\x05I", "latin1")]));
    expect(finalStatus(row)).toBeNull();
  });
});

describe("refuseCopyFromStdin", () => {
  const sqlOf = (message: Buffer) => message.toString("utf8", 5, message.length - 1);

  it("replaces a simple query asking for COPY FROM STDIN by one that fails with 0A000, and leaves others alone", () => {
    expect(sqlOf(refuseCopyFromStdin(queryMessage("copy t\n  FROM stdin WITH (FORMAT csv)")))).toMatch(
      /^DO .*ERRCODE = '0A000'.*COPY FROM STDIN is not supported/,
    );
    const other = queryMessage("COPY t TO STDOUT");
    expect(refuseCopyFromStdin(other)).toBe(other);
  });

  it("replaces the text of a Parse, keeping its statement name and parameter types", () => {
    const types = Buffer.from([0, 1, 0, 0, 0, 23]);
    const parse = frame("P", Buffer.concat([Buffer.from("s1\0COPY t FROM STDIN\0"), types]));
    const refused = refuseCopyFromStdin(parse);
    expect(refused.readInt32BE(1)).toBe(refused.length - 1);
    const [name, sql] = refused.toString("utf8", 5).split("\0");
    expect(name).toBe("s1");
    expect(sql).toMatch(/^DO .*0A000/);
    expect(refused.subarray(refused.length - types.length)).toEqual(types);
  });
});
