import "server-only";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { EmbeddedDatabaseBusyError, tryLockEmbeddedDatabase } from "@/lib/store/embedded-lock";
import { servePGlite, type PGliteServer } from "@/lib/store/embedded/serve-pglite";
import { listenAddress, publishAddress, readAddress, withdrawAddress, type ServedAddress } from "@/lib/store/embedded/served-address";
import type { SharedSessionOptions } from "@/lib/store/embedded/shared-session";

/** How a process reaches an embedded database: the served address, and what to do when done with it. */
export interface EmbeddedEndpoint {
  location: string;
  address: Promise<ServedAddress>;
  release(): Promise<void>;
}

/** How long a process waits for the folder's owner to start serving (it may be starting too). */
const OWNER_WAIT_MS = 20_000;

interface Owned {
  refs: number;
  served: Promise<PGliteServer>;
  stop(): Promise<void>;
}

/** Folders this process owns, kept on globalThis so Next's module reloading finds them again. */
const holder = globalThis as typeof globalThis & { vsmEmbeddedOwned?: Map<string, Owned> };
const owned = (holder.vsmEmbeddedOwned ??= new Map<string, Owned>());

/**
 * Opens the embedded database in `dataDir` (docs/design.md §9). The first process to take the
 * folder's lock opens PGlite and serves it; every later opener, in this process or another,
 * connects to that server. `dataDir` null serves a fresh in-memory database (tests).
 */
export function openEmbeddedEndpoint(dataDir: string | null, options: SharedSessionOptions = {}): EmbeddedEndpoint {
  if (dataDir === null) return serveInMemory(options);
  const folder = path.resolve(dataDir);
  const location = `embedded PGlite at ${path.join(folder, "pglite")}`;
  const mine = owned.get(folder);
  if (mine) {
    mine.refs += 1;
    return { location, address: handled(mine.served.then((s) => s.address)), release: () => releaseOwned(folder, mine) };
  }
  mkdirSync(folder, { recursive: true });
  const lock = tryLockEmbeddedDatabase(folder);
  if ("heldBy" in lock) return { location, address: handled(waitForOwner(folder, lock.heldBy)), release: async () => {} };
  const served = startOwner(folder, options);
  const entry: Owned = {
    refs: 1,
    served,
    async stop() {
      try {
        await (await served).stop();
      } finally {
        withdrawAddress(folder);
        lock.release();
      }
    },
  };
  owned.set(folder, entry);
  served.catch(() => {
    // Could not open or serve the folder: give the lock back so the next attempt can.
    owned.delete(folder);
    lock.release();
  });
  return { location, address: handled(served.then((s) => s.address)), release: () => releaseOwned(folder, entry) };
}

/**
 * A failure here reaches whoever connects (every `pg` connection awaits the address); marking
 * the promise handled keeps an unused handle from crashing the process with an unhandled rejection.
 */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

async function startOwner(folder: string, options: SharedSessionOptions): Promise<PGliteServer> {
  // PGlite creates only the last folder of its path; `folder` exists already.
  const pglite = new PGlite(path.join(folder, "pglite"));
  let server: PGliteServer;
  try {
    server = await servePGlite(pglite, listenAddress(folder), options);
  } catch (error) {
    await pglite.close().catch(() => undefined);
    throw error;
  }
  publishAddress(folder, server.address);
  return {
    address: server.address,
    async stop() {
      await server.stop();
      await pglite.close();
    },
  };
}

async function releaseOwned(folder: string, entry: Owned): Promise<void> {
  entry.refs -= 1;
  if (entry.refs > 0) return;
  owned.delete(folder);
  await entry.stop();
}

async function waitForOwner(folder: string, pid: number): Promise<ServedAddress> {
  const deadline = Date.now() + OWNER_WAIT_MS;
  for (;;) {
    const address = readAddress(folder);
    if (address) return address;
    if (Date.now() > deadline) throw new EmbeddedDatabaseBusyError(folder, pid);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function serveInMemory(options: SharedSessionOptions): EmbeddedEndpoint {
  const socketDir = mkdtempSync(path.join(tmpdir(), "vsm-pglite-"));
  const pglite = new PGlite();
  const served = servePGlite(pglite, listenAddress(socketDir), options);
  return {
    location: "embedded PGlite in memory",
    address: handled(served.then((s) => s.address)),
    async release() {
      try {
        await (await served).stop();
        await pglite.close();
      } finally {
        rmSync(socketDir, { recursive: true, force: true });
      }
    },
  };
}
