import "server-only";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { Socket } from "node:net";
import path from "node:path";
import { z } from "zod";

/**
 * Where the process that owns an embedded data folder serves it: a Unix socket inside the folder
 * (only the folder's owner can reach it), or loopback TCP where a socket path is impossible
 * (Windows, or a path longer than the operating system allows). Written to `pglite.address` in
 * the folder once the server listens, so other processes find it there (docs/design.md §9).
 */
const addressSchema = z.union([
  z.object({ path: z.string().min(1) }),
  z.object({ host: z.literal("127.0.0.1"), port: z.number().int().min(1).max(65535) }),
]);
export type ServedAddress = z.infer<typeof addressSchema>;

/** macOS allows 104 bytes for a socket path, Linux 108; stay under both. */
const MAX_SOCKET_PATH = 100;

export const addressFile = (dataDir: string) => path.join(dataDir, "pglite.address");

/** Where to listen: the socket path, or loopback with a port the system picks. */
export function listenAddress(dataDir: string): { path: string } | { host: "127.0.0.1"; port: 0 } {
  const socket = path.resolve(dataDir, "pglite.sock");
  if (process.platform !== "win32" && Buffer.byteLength(socket) <= MAX_SOCKET_PATH) return { path: socket };
  return { host: "127.0.0.1", port: 0 };
}

/** Written whole (rename), so a reader never sees half an address. */
export function publishAddress(dataDir: string, address: ServedAddress): void {
  const temporary = `${addressFile(dataDir)}.${process.pid}`;
  writeFileSync(temporary, JSON.stringify(address));
  renameSync(temporary, addressFile(dataDir));
}

export function withdrawAddress(dataDir: string): void {
  rmSync(addressFile(dataDir), { force: true });
}

export function readAddress(dataDir: string): ServedAddress | null {
  try {
    const parsed = addressSchema.safeParse(JSON.parse(readFileSync(addressFile(dataDir), "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * A socket for `pg` that connects once the address is known: `pg` calls `connect(port, host)`
 * with its own settings, which are replaced here by the served address (the owner may still be
 * starting, or be another process).
 */
export function socketTo(address: Promise<ServedAddress>): Socket {
  const socket = new Socket();
  const connect = socket.connect.bind(socket);
  socket.connect = (() => {
    address.then(
      (to) => ("path" in to ? connect(to.path) : connect(to.port, to.host)),
      (error: Error) => socket.destroy(error),
    );
    return socket;
  }) as typeof socket.connect;
  return socket;
}
