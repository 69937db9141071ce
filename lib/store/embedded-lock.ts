import "server-only";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it.
 * A pid file beside the data names the one process that opens the folder; the others reach the
 * database through that process's server (lib/store/embedded/open-embedded.ts).
 */
export class EmbeddedDatabaseBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is held by process ${pid}, which did not start serving it ` +
        `to other processes (it may be an older console, or stuck starting). Stop that process, or ` +
        `set DATABASE_URL to use PostgreSQL.`,
    );
    this.name = "EmbeddedDatabaseBusyError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the lock for this process, or says which live process holds it. The file is created
 * exclusively, so of two processes starting at once exactly one wins; a file naming a process
 * that has exited is removed and the race run again.
 */
export function tryLockEmbeddedDatabase(dataDir: string): { release: () => void } | { heldBy: number } {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "pglite.pid");
  for (let attempt = 0; ; attempt += 1) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let holder = Number.NaN;
    try {
      holder = Number.parseInt(readFileSync(file, "utf8"), 10);
    } catch {
      // Removed between our attempt and this read: try again.
    }
    // Our own pid: a handle of this process that was not closed; take it back.
    if (holder === process.pid) break;
    if (Number.isInteger(holder) && isAlive(holder)) return { heldBy: holder };
    if (attempt >= 3) throw new Error(`cannot take the lock file ${file}`);
    rmSync(file, { force: true });
  }
  // Only our own lock is removed: after a failed start another process may have taken it.
  const release = () => {
    try {
      if (readFileSync(file, "utf8") === String(process.pid)) rmSync(file, { force: true });
    } catch {
      // Already gone.
    }
  };
  process.once("exit", release);
  return { release };
}

/** Takes the lock for this process and returns its release function, or throws EmbeddedDatabaseBusyError. */
export function lockEmbeddedDatabase(dataDir: string): () => void {
  const lock = tryLockEmbeddedDatabase(dataDir);
  if ("heldBy" in lock) throw new EmbeddedDatabaseBusyError(dataDir, lock.heldBy);
  return lock.release;
}
