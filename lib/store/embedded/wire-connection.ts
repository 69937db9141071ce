import "server-only";
import type { Socket } from "node:net";
import type { SessionClient, SharedSession } from "@/lib/store/embedded/shared-session";
import {
  CANCEL_REQUEST,
  errorResponse,
  GSSENC_REQUEST,
  PROTOCOL_3_0,
  readFrames,
  readStartup,
  refuseCopyFromStdin,
  SSL_REQUEST,
} from "@/lib/store/embedded/wire";

/** Startup parameters a client may send: anything else would be a session setting we cannot give it alone. */
const ACCEPTED_PARAMS = new Set(["user", "database", "application_name", "fallback_application_name", "client_encoding"]);

/**
 * One client's socket: answers the startup itself (no password: the socket is reachable only by
 * the data folder's owner, or on loopback), then cuts the byte stream into whole frames and hands
 * them to the shared session. Terminate ('X') closes the connection here; PGlite never sees it.
 */
export class WireConnection implements SessionClient {
  private started = false;
  private pending: Buffer = Buffer.alloc(0);
  private frames: Buffer[] = [];
  closed = false;

  constructor(
    private readonly socket: Socket,
    private readonly session: SharedSession,
    private readonly startupReply: Uint8Array,
  ) {
    socket.on("data", (chunk: Buffer) => this.receive(chunk));
    socket.on("close", () => this.close());
    socket.on("error", () => this.close());
  }

  private receive(chunk: Buffer): void {
    if (this.closed) return;
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    try {
      if (!this.started) this.startup();
      if (!this.started || this.closed) return;
      const { frames, rest } = readFrames(this.pending);
      this.pending = rest;
      const terminate = frames.findIndex((f) => f[0] === 0x58);
      this.frames.push(...(terminate === -1 ? frames : frames.slice(0, terminate)).map(refuseCopyFromStdin));
      if (terminate !== -1) {
        this.socket.end();
        this.close();
      } else if (frames.length > 0) this.session.wake(this);
    } catch (error) {
      this.kill(errorResponse("FATAL", "08P01", `protocol violation: ${(error as Error).message}`));
    }
  }

  private startup(): void {
    for (let read = readStartup(this.pending); read; read = readStartup(this.pending)) {
      this.pending = read.rest;
      const { code, params } = read.packet;
      if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
        this.socket.write("N");
        continue;
      }
      if (code === CANCEL_REQUEST) return this.kill(Buffer.alloc(0));
      if (code !== PROTOCOL_3_0) return this.kill(errorResponse("FATAL", "0A000", `unsupported frontend protocol ${code}`));
      const refused = [...params.keys()].find((key) => !ACCEPTED_PARAMS.has(key));
      if (refused)
        return this.kill(errorResponse("FATAL", "0A000", `startup parameter "${refused}" is not supported by the embedded database`));
      const encoding = params.get("client_encoding");
      if (encoding && !/^utf-?8$/i.test(encoding))
        return this.kill(errorResponse("FATAL", "0A000", "the embedded database speaks UTF8 only"));
      this.started = true;
      this.socket.write(this.startupReply);
      return;
    }
  }

  takeFrames(): Buffer | null {
    if (this.frames.length === 0) return null;
    const batch = this.frames.length === 1 ? this.frames[0]! : Buffer.concat(this.frames);
    this.frames = [];
    return batch;
  }

  hasFrames(): boolean {
    return this.frames.length > 0;
  }

  send(output: Uint8Array): void {
    if (!this.closed && output.length > 0) this.socket.write(output);
  }

  kill(message: Buffer): void {
    if (!this.closed) this.socket.end(message);
    this.close();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.frames = [];
    this.session.wake(this);
  }
}
