import "server-only";
import { chmodSync, rmSync } from "node:fs";
import { createServer, type AddressInfo, type Socket } from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import type { ServedAddress } from "@/lib/store/embedded/served-address";
import { SharedSession, type SharedSessionOptions } from "@/lib/store/embedded/shared-session";
import { startupMessage } from "@/lib/store/embedded/wire";
import { WireConnection } from "@/lib/store/embedded/wire-connection";

export interface PGliteServer {
  address: ServedAddress;
  /** Closes every connection (rolling back what they held) and stops listening. */
  stop(): Promise<void>;
}

/**
 * Serves one PGlite database over PostgreSQL's wire protocol so that any number of `pg`
 * connections, from this process and others, share it safely (docs/design.md §9). The startup
 * answer (parameters, backend key) is PGlite's own, asked for once and given to every client.
 */
export async function servePGlite(
  pglite: PGlite,
  listen: { path: string } | { host: "127.0.0.1"; port: 0 },
  options: SharedSessionOptions = {},
): Promise<PGliteServer> {
  await pglite.waitReady;
  // Copied: PGlite's output may be a view of memory it reuses for the next message.
  const startupReply = Buffer.from(await pglite.execProtocolRaw(startupMessage({ user: "postgres", database: "postgres" })));
  const session = new SharedSession(pglite, options);
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    new WireConnection(socket, session, startupReply);
  });
  // A socket file left by a process that died: ours now, as the caller holds the folder's lock.
  if ("path" in listen) rmSync(listen.path, { force: true });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    if ("path" in listen) server.listen(listen.path, resolve);
    else server.listen(listen.port, listen.host, resolve);
  });
  let address: ServedAddress;
  if ("path" in listen) {
    chmodSync(listen.path, 0o600);
    address = { path: listen.path };
  } else {
    address = { host: "127.0.0.1", port: (server.address() as AddressInfo).port };
  }
  return {
    address,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
      await session.drain();
      session.stop();
    },
  };
}
