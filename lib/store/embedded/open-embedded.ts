import "server-only";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { EmbeddedDatabaseBusyError, tryLockEmbeddedDatabase } from "@/lib/store/embedded-lock";
import { servePGlite, type PGliteServer } from "@/lib/store/embedded/serve-pglite";
import { listenAddress, publishAddress, readAddress, withdrawAddress, type ServedAddress } from "@/lib/store/embedded/served-address";
import type { SharedSessionOptions } from "@/lib/store/embedded/shared-session";

/** How a process reaches an embedded database: where to connect now, and what to do when done with it. */
export interface EmbeddedEndpoint {
  location: string;
  /** Asked for every new connection: the owner may have changed since the last one. */
  address(): Promise<ServedAddress>;
  release(): Promise<void>;
}

/** How long a process waits for the folder's owner to start serving (it may be starting too). */
const OWNER_WAIT_MS = 20_000;

interface Owned {
  refs: number;
  served: Promise<PGliteServer>;
}

/** Folders this process owns, kept on globalThis so Next's module reloading finds them again. */
const holder = globalThis as typeof globalThis & { vsmEmbeddedOwned?: Map<string, Owned> };
const owned = (holder.vsmEmbeddedOwned ??= new Map<string, Owned>());

/**
 * A failure here reaches whoever connects (every `pg` connection awaits the address); marking
 * the promise handled keeps an unused handle from crashing the process with an unhandled rejection.
 */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/**
 * Opens the embedded database in `dataDir` (docs/design.md §9). The first process to take the
 * folder's lock opens PGlite and serves it; every other opener, in this process or another,
 * connects to that server, and takes the folder over when its owner has exited. `dataDir` null
 * serves a fresh in-memory database (tests).
 */
export function openEmbeddedEndpoint(dataDir: string | null, options: SharedSessionOptions = {}): EmbeddedEndpoint {
  if (dataDir === null) return serveInMemory(options);
  const folder = path.resolve(dataDir);
  mkdirSync(folder, { recursive: true });
  return new FolderEndpoint(folder, options);
}

class FolderEndpoint implements EmbeddedEndpoint {
  readonly location: string;
  /** The folder's owner in this process, once this handle has found or become it (counted in its refs). */
  private entry: Owned | undefined;
  private readonly first: Promise<ServedAddress>;

  constructor(
    private readonly folder: string,
    private readonly options: SharedSessionOptions,
  ) {
    this.location = `embedded PGlite at ${path.join(folder, "pglite")}`;
    // Decided at open, not at the first query: an owner serves from the moment it opens.
    this.first = handled(this.locate());
  }

  address(): Promise<ServedAddress> {
    const again = () => this.locate();
    return handled(this.first.then(again, again));
  }

  private async locate(): Promise<ServedAddress> {
    const deadline = Date.now() + OWNER_WAIT_MS;
    for (;;) {
      if (this.entry && owned.get(this.folder) !== this.entry) this.entry = undefined; // it failed to start
      if (!this.entry) {
        const entry = owned.get(this.folder) ?? this.takeOver();
        if (entry) {
          entry.refs += 1;
          this.entry = entry;
        }
      }
      if (this.entry) return (await this.entry.served).address;
      const address = readAddress(this.folder);
      if (address) return address;
      if (Date.now() > deadline) throw new EmbeddedDatabaseBusyError(this.folder, this.heldBy);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private heldBy = 0;

  /** Becomes the owner when nobody alive holds the folder; null while someone does. */
  private takeOver(): Owned | null {
    const lock = tryLockEmbeddedDatabase(this.folder);
    if ("heldBy" in lock) {
      this.heldBy = lock.heldBy;
      return null;
    }
    // A dead owner's address must not send anyone to a socket nobody answers.
    withdrawAddress(this.folder);
    const entry: Owned = { refs: 0, served: startOwner(this.folder, this.options, lock.release) };
    owned.set(this.folder, entry);
    entry.served.catch(() => {
      if (owned.get(this.folder) === entry) owned.delete(this.folder);
    });
    return entry;
  }

  async release(): Promise<void> {
    await this.first.catch(() => undefined);
    const entry = this.entry;
    this.entry = undefined;
    if (!entry) return;
    entry.refs -= 1;
    if (entry.refs > 0 || owned.get(this.folder) !== entry) return;
    owned.delete(this.folder);
    await (await entry.served).stop();
  }
}

/** Opens PGlite and serves it; stopping also withdraws the address and gives the lock back. */
async function startOwner(folder: string, options: SharedSessionOptions, releaseLock: () => void): Promise<PGliteServer> {
  // PGlite creates only the last folder of its path; `folder` exists already.
  const pglite = new PGlite(path.join(folder, "pglite"));
  let server: PGliteServer;
  try {
    server = await servePGlite(pglite, listenAddress(folder), options);
  } catch (error) {
    await pglite.close().catch(() => undefined);
    releaseLock();
    throw error;
  }
  publishAddress(folder, server.address);
  return {
    address: server.address,
    async stop() {
      try {
        await server.stop();
        await pglite.close();
      } finally {
        withdrawAddress(folder);
        releaseLock();
      }
    },
  };
}

function serveInMemory(options: SharedSessionOptions): EmbeddedEndpoint {
  const socketDir = mkdtempSync(path.join(tmpdir(), "vsm-pglite-"));
  const pglite = new PGlite();
  const served = handled(servePGlite(pglite, listenAddress(socketDir), options));
  return {
    location: "embedded PGlite in memory",
    address: () => handled(served.then((s) => s.address)),
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
