import "server-only";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it.
 * A pid file beside the data makes the second opener fail with a clear message instead.
 */
export class EmbeddedDatabaseBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by process ${pid} (probably the running ` +
        `console). Stop that process first, or set DATABASE_URL to use PostgreSQL, which any ` +
        `number of processes can share.`,
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

/** Takes the lock for this process and returns its release function. */
export function lockEmbeddedDatabase(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "pglite.pid");
  let holder = Number.NaN;
  try {
    holder = Number.parseInt(readFileSync(file, "utf8"), 10);
  } catch {
    // No lock file: nobody holds it.
  }
  if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
    throw new EmbeddedDatabaseBusyError(dataDir, holder);
  }
  writeFileSync(file, String(process.pid));
  const release = () => rmSync(file, { force: true });
  process.once("exit", release);
  return release;
}
