import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { prepareE2eDatabase } from "@/lib/cli/e2e-data";
import { createScratchDatabase } from "@/lib/testing/scratch-database";

/**
 * `npm run test:e2e`: builds the app, gives the server under test a fresh database of its own (a
 * new PostgreSQL database when DATABASE_URL is set, as in CI; otherwise a new embedded data
 * folder) prepared as on a first start plus an ingest key and two accounts for the specs (lib/cli/e2e-data.ts),
 * runs Playwright against `next start`, and removes the database afterwards; then the system
 * tests (`*.system.test.ts`), which start the built console themselves. Extra arguments go to
 * Playwright alone, e.g. `npm run test:e2e -- e2e/overview.spec.ts`.
 */

function run(command: string, args: string[], env: NodeJS.ProcessEnv): number {
  return spawnSync(command, args, { stdio: "inherit", env }).status ?? 1;
}

async function main(): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", VSM_SEED_EXAMPLE: "saas", LOG_LEVEL: "warn" };
  const build = run("npx", ["next", "build"], env);
  if (build !== 0) return build;

  const serverUrl = process.env.DATABASE_URL;
  let cleanup: () => Promise<void>;
  if (serverUrl) {
    const scratch = await createScratchDatabase(serverUrl, "vsm_e2e");
    env.DATABASE_URL = scratch.url;
    cleanup = scratch.drop;
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), "vsm-e2e-"));
    env.VSM_DATA_DIR = dir;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const extra = process.argv.slice(2);
  try {
    Object.assign(env, await prepareE2eDatabase({ DATABASE_URL: env.DATABASE_URL, VSM_DATA_DIR: env.VSM_DATA_DIR ?? ".data" }));
    const browser = run("npx", ["playwright", "test", ...extra], env);
    // The system tests start servers of their own on databases of their own, from the same build.
    const system = extra.length > 0 ? 0 : run("npx", ["vitest", "run", "--project", "system"], { ...process.env, LOG_LEVEL: "warn" });
    return browser !== 0 ? browser : system;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
