import { Socket } from "node:net";
import type { ServedAddress } from "@/lib/store/embedded/served-address";
import { finalStatus, frame, startupMessage } from "@/lib/store/embedded/wire";

/**
 * A raw wire-protocol connection for tests that need what `pg` never sends: half an
 * extended-protocol batch, or a socket dropped at a chosen moment.
 */
export class WireProbe {
  private received = Buffer.alloc(0);
  private waiter: (() => void) | undefined;
  private constructor(private readonly socket: Socket) {
    socket.on("data", (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
      this.waiter?.();
    });
  }

  static async open(address: ServedAddress): Promise<WireProbe> {
    const socket = new Socket();
    await new Promise<void>((resolve, reject) => {
      socket.once("error", reject);
      if ("path" in address) socket.connect(address.path, resolve);
      else socket.connect(address.port, address.host, resolve);
    });
    const probe = new WireProbe(socket);
    await probe.exchange(startupMessage({ user: "postgres", database: "postgres" }));
    return probe;
  }

  /** Sends bytes and waits for the answer's final ReadyForQuery; returns its status. */
  async exchange(bytes: Buffer): Promise<string> {
    this.received = Buffer.alloc(0);
    this.socket.write(bytes);
    for (;;) {
      const status = finalStatus(this.received);
      if (status) return status;
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }

  send(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  drop(): void {
    this.socket.destroy();
  }
}

/** Parse, Bind and Execute of an unnamed statement without parameters: an extended batch lacking its Sync. */
export function unsyncedStatement(sql: string): Buffer {
  return Buffer.concat([
    frame("P", Buffer.concat([Buffer.from(`\0${sql}\0`, "utf8"), Buffer.from([0, 0])])),
    frame("B", Buffer.from([0, 0, 0, 0, 0, 0, 0, 0])),
    frame("E", Buffer.from([0, 0, 0, 0, 0])),
  ]);
}
