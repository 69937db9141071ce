import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import nextEnv from "@next/env";
import { EnvError, parseEnv, type Env } from "@/lib/env";

// The same .env files `next start` reads, so scripts and server agree on configuration.
nextEnv.loadEnvConfig(process.cwd());

/**
 * `npm start`: the one command that gets a console running. Validates the environment, builds
 * the app when the build is missing or older than the sources, then serves it with `next start`.
 * The server migrates the database (and seeds the example on a fresh one) as it boots.
 */

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "prisma",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "package.json",
  "postcss.config.mjs",
];
const BUILD_ID = path.join(".next", "BUILD_ID");

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((newest, child) => Math.max(newest, newestMtime(path.join(entry, child))), stat.mtimeMs);
}

function buildIsCurrent(): boolean {
  if (!existsSync(BUILD_ID)) return false;
  const built = statSync(BUILD_ID).mtimeMs;
  return SOURCES.every((source) => newestMtime(source) <= built);
}

let env;
try {
  env = parseEnv(process.env);
} catch (error) {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
}

// PORT passed on, so the server's printed links (the first admin's) name the port it serves.
const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(env.PORT) };
// Next's own entry point, run by this Node directly (not through npx) so that stopping this
// script stops the server too.
const NEXT = path.join("node_modules", "next", "dist", "bin", "next");
if (!buildIsCurrent()) {
  console.log("Building the console (first start, or the sources changed)…");
  const build = spawnSync(process.execPath, [NEXT, "build"], { stdio: "inherit", env: childEnv });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = String(env.PORT);
console.log(
  `Starting VSM Console on http://localhost:${port} with ${
    env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `the embedded database in ${env.VSM_DATA_DIR}/pglite`
  }…`,
);
const simulating = simulates(env);
// The simulator posts twice a second; request lines at "info" would bury everything else.
const serverEnv = simulating && !process.env.LOG_LEVEL ? { ...childEnv, LOG_LEVEL: "warn" } : childEnv;
const server = spawn(process.execPath, [NEXT, "start", "-p", port], { stdio: "inherit", env: serverEnv });
const simulator = simulating ? startSimulator() : null;
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    simulator?.kill(signal);
    server.kill(signal);
  });
server.on("exit", (code) => {
  simulator?.kill("SIGTERM");
  process.exit(code ?? 0);
});

/** The simulator runs beside a first look at the console: the embedded database with the saas example, unless turned off. */
function simulates(env: Env): boolean {
  if (env.VSM_SIMULATE === "off" || env.VSM_SEED_EXAMPLE !== "saas") return false;
  return env.VSM_SIMULATE === "on" || !env.DATABASE_URL;
}

/**
 * `npm run simulate` as a child: it waits for the console to be ready, makes itself an ingest key
 * and feeds the saas example through the public endpoints. Its lines are prefixed so they read
 * apart from the server's; if it stops, the console keeps running.
 */
function startSimulator(): ChildProcess {
  console.log(
    `Starting the simulator (VSM_SIMULATE=off to run without it; docs/simulator.md)${process.env.LOG_LEVEL ? "" : "; server log level warn while it runs (set LOG_LEVEL to choose)"}…`,
  );
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "lib/cli/simulate.ts", "--model", "saas"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: process.env,
  });
  const prefix = (stream: NodeJS.WritableStream) => (chunk: Buffer) =>
    stream.write(
      chunk
        .toString()
        .split(/(?<=\n)/)
        .map((line) => `[simulator] ${line}`)
        .join(""),
    );
  child.stdout?.on("data", prefix(process.stdout));
  child.stderr?.on("data", prefix(process.stderr));
  child.on("exit", (code, signal) => {
    if (signal === null && code !== 0) console.error(`[simulator] stopped (exit ${code}); the console keeps running.`);
  });
  return child;
}
