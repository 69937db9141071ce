import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openEmbedded, openPostgres, type Database } from "@/lib/store/database";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

/**
 * A database of its own for tests of the real command-line scripts: a fresh PostgreSQL database
 * when DATABASE_URL is set, otherwise a fresh embedded data folder. The scripts run as child
 * processes with it in their environment; the test reads the result with the console's own code.
 */
export interface CliDatabase {
  /** Runs `tsx lib/cli/<script>` against the database, to completion. */
  run(script: string, ...args: string[]): { status: number | null; stdout: string; stderr: string };
  /** The same, with `stdin` as the script's standard input (a password read with --password-stdin). */
  runWithInput(stdin: string, script: string, ...args: string[]): { status: number | null; stdout: string; stderr: string };
  /** Opens the database for the duration of `work`, after a script has exited. */
  withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T>;
  drop(): Promise<void>;
}

export async function createCliDatabase(): Promise<CliDatabase> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "silent" };
  let pg: TestDatabase | undefined;
  if (process.env.DATABASE_URL) {
    pg = await createTestDatabase({ migrate: false });
    env.DATABASE_URL = pg.url;
  } else {
    delete env.DATABASE_URL;
    env.VSM_DATA_DIR = path.join(mkdtempSync(path.join(tmpdir(), "vsm-cli-")), "data");
  }
  const runWithInput = (stdin: string, script: string, ...args: string[]) => {
    const result = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", script, ...args], {
      env,
      encoding: "utf8",
      input: stdin,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  return {
    run: (script, ...args) => runWithInput("", script, ...args),
    runWithInput,
    async withDatabase(work) {
      const db = pg ? openPostgres(pg.url!) : openEmbedded(env.VSM_DATA_DIR!);
      try {
        return await work(db);
      } finally {
        await db.close();
      }
    },
    drop: async () => pg?.drop(),
  };
}
