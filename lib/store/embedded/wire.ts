import "server-only";

/**
 * The few facts of PostgreSQL's wire protocol (version 3) that the embedded database's server
 * needs: how frames are delimited, what a startup packet holds, and where a batch of backend
 * output leaves the session (docs/design.md §9). Pure: bytes in, bytes or values out.
 */

/** Special startup codes a client may send before (or instead of) a real startup packet. */
export const SSL_REQUEST = 80877103;
export const GSSENC_REQUEST = 80877104;
export const CANCEL_REQUEST = 80877102;
export const PROTOCOL_3_0 = 196608;

/** Transaction status carried by ReadyForQuery: idle, in a transaction block, in a failed one. */
export type TransactionStatus = "I" | "T" | "E";

export interface StartupPacket {
  code: number;
  params: Map<string, string>;
}

/** The first packet has no type byte: int32 length (itself included), int32 code, body. */
export function readStartup(buffer: Buffer): { packet: StartupPacket; rest: Buffer } | null {
  if (buffer.length < 8) return null;
  const length = buffer.readInt32BE(0);
  if (length < 8 || length > 10_000) throw new Error(`invalid startup packet length ${length}`);
  if (buffer.length < length) return null;
  const code = buffer.readInt32BE(4);
  const params = new Map<string, string>();
  if (code === PROTOCOL_3_0) {
    const fields = buffer.subarray(8, length).toString("utf8").split("\0");
    for (let i = 0; i + 1 < fields.length && fields[i] !== ""; i += 2) params.set(fields[i]!, fields[i + 1]!);
  }
  return { packet: { code, params }, rest: buffer.subarray(length) };
}

/** Every complete typed frame (type byte, int32 length, body) at the start of `buffer`. */
export function readFrames(buffer: Buffer): { frames: Buffer[]; rest: Buffer } {
  const frames: Buffer[] = [];
  let at = 0;
  while (buffer.length - at >= 5) {
    const length = buffer.readInt32BE(at + 1);
    if (length < 4) throw new Error(`invalid message length ${length}`);
    if (buffer.length - at < 1 + length) break;
    frames.push(buffer.subarray(at, at + 1 + length));
    at += 1 + length;
  }
  return { frames, rest: buffer.subarray(at) };
}

/**
 * The session's state after a batch of backend output: the status of its final ReadyForQuery,
 * or null when the output does not end with one (an extended-protocol batch awaiting its Sync,
 * a COPY in progress), in which case the client is still mid-conversation.
 */
export function finalStatus(output: Uint8Array): TransactionStatus | null {
  const view = Buffer.from(output.buffer, output.byteOffset, output.byteLength);
  let at = 0;
  let last: TransactionStatus | null = null;
  while (view.length - at >= 5) {
    const length = view.readInt32BE(at + 1);
    const type = view[at];
    last = type === 0x5a && length === 5 ? (String.fromCharCode(view[at + 5]!) as TransactionStatus) : null;
    at += 1 + length;
  }
  return last;
}

/** One typed frame: type byte, int32 length (itself included), body. */
export function frame(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, "latin1");
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

/** A simple-protocol Query message. */
export function queryMessage(sql: string): Buffer {
  return frame("Q", Buffer.from(`${sql}\0`, "utf8"));
}

/** A Parse that fails (a syntax error) followed by Sync: ends any extended-protocol batch by aborting it. */
export function abortingSync(): Buffer {
  const parse = frame("P", Buffer.concat([Buffer.from("\0!abort\0", "utf8"), Buffer.from([0, 0])]));
  return Buffer.concat([parse, frame("S", Buffer.alloc(0))]);
}

export function startupMessage(params: Record<string, string>): Buffer {
  const body = Buffer.from(
    `${Object.entries(params)
      .flatMap(([k, v]) => [k, v])
      .join("\0")}\0\0`,
    "utf8",
  );
  const head = Buffer.alloc(8);
  head.writeInt32BE(body.length + 8, 0);
  head.writeInt32BE(PROTOCOL_3_0, 4);
  return Buffer.concat([head, body]);
}

/** An ErrorResponse; FATAL ones are followed by closing the connection, as PostgreSQL does. */
export function errorResponse(severity: "ERROR" | "FATAL", code: string, message: string): Buffer {
  const fields = [`S${severity}`, `V${severity}`, `C${code}`, `M${message}`].join("\0");
  return frame("E", Buffer.from(`${fields}\0\0`, "utf8"));
}

/**
 * `COPY … FROM STDIN` makes PGlite 0.5 exit its WebAssembly module (measured), which would take
 * every client and the owning process down with it. A Query or Parse whose text asks for it is
 * replaced by a statement that fails with SQLSTATE 0A000 inside PGlite, so the client gets an
 * ordinary error with PostgreSQL's own transaction semantics (an open transaction is aborted).
 * The test is on the text, so a string literal saying "from stdin" is refused too.
 */
const COPY_FROM_STDIN = /\bfrom\s+stdin\b/i;
const REFUSAL =
  "DO $vsm$BEGIN RAISE EXCEPTION USING ERRCODE = '0A000', MESSAGE = 'COPY FROM STDIN is not supported by the embedded database'; END$vsm$";

export function refuseCopyFromStdin(message: Buffer): Buffer {
  const type = message[0];
  if (type === 0x51) {
    const sql = message.toString("utf8", 5, message.length - 1);
    return COPY_FROM_STDIN.test(sql) ? queryMessage(REFUSAL) : message;
  }
  if (type === 0x50) {
    const nameEnd = message.indexOf(0, 5);
    const sqlEnd = message.indexOf(0, nameEnd + 1);
    if (nameEnd < 0 || sqlEnd < 0 || !COPY_FROM_STDIN.test(message.toString("utf8", nameEnd + 1, sqlEnd))) return message;
    const body = Buffer.concat([message.subarray(5, nameEnd + 1), Buffer.from(`${REFUSAL}\0`, "utf8"), message.subarray(sqlEnd + 1)]);
    return frame("P", body);
  }
  return message;
}
