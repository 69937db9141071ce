import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { Pipeline } from "@/lib/pipeline/pipeline";
import { stepPoints, type IndicatorRuntime } from "@/lib/pipeline/step-points";
import { openEmbedded, type Database } from "@/lib/store/database";
import { readAddress } from "@/lib/store/embedded/served-address";
import { applyMigrations } from "@/lib/store/migrate";
import { importIndicators } from "@/lib/testing/import-indicators";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { syntheticSeries } from "@/lib/vsm/filter/synthetic-series";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";

/**
 * Other processes on an embedded folder that this test process owns (docs/design.md §9): the
 * real CLIs, a process holding a transaction, and a second ingesting pipeline. Every child is
 * spawned asynchronously: the owner's server runs on this process's event loop.
 */
const work = mkdtempSync(path.join(tmpdir(), "vsm-processes-"));
const dataDir = path.join(work, "data");
const childEnv: NodeJS.ProcessEnv = { ...process.env, VSM_DATA_DIR: dataDir, LOG_LEVEL: "silent" };
delete childEnv.DATABASE_URL;
let owner: Database;

interface Run {
  status: Promise<number | null>;
  stdout: () => string;
  stderr: () => string;
  write(line: string): void;
  /** Resolves when stdout has printed `text`. */
  printed(text: string): Promise<void>;
}

const run = (script: string, ...args: string[]) => runWith(childEnv, script, ...args);

function runWith(env: NodeJS.ProcessEnv, script: string, ...args: string[]): Run {
  const child = spawn("node_modules/.bin/tsx", ["--conditions=react-server", script, ...args], { env });
  let stdout = "";
  let stderr = "";
  const watchers: (() => void)[] = [];
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    watchers.forEach((w) => w());
  });
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return {
    status: new Promise((resolve) => child.on("exit", resolve)),
    stdout: () => stdout,
    stderr: () => stderr,
    write: (line) => child.stdin.write(`${line}\n`),
    printed: (text) =>
      new Promise((resolve) => {
        const check = () => stdout.includes(text) && resolve();
        watchers.push(check);
        check();
      }),
  };
}
const probeRows = async () => (await owner.sql.query<{ who: string }>("SELECT who FROM probe ORDER BY id")).map((r) => r.who);

beforeAll(async () => {
  owner = openEmbedded(dataDir);
  await applyMigrations(owner.sql);
  await owner.sql.exec("CREATE TABLE probe (id serial PRIMARY KEY, who text NOT NULL)");
});
afterAll(() => owner.close());

describe("while this process owns the embedded folder", () => {
  it("npm run db:migrate, db:seed, key and model export work from other processes", async () => {
    const migrate = run("lib/cli/migrate.ts");
    expect(await migrate.status, migrate.stderr()).toBe(0);
    expect(migrate.stdout()).toContain(`embedded PGlite at ${path.join(dataDir, "pglite")}`);
    const seed = run("lib/cli/seed.ts", "cybersyn");
    expect(await seed.status, seed.stderr()).toBe(0);
    expect(seed.stdout()).toMatch(/^cybersyn: systems \d+ created/);
    const file = path.join(work, "model.yaml");
    const exported = run("lib/cli/model.ts", "export", file);
    expect(await exported.status, exported.stderr()).toBe(0);
    const key = run("lib/cli/key.ts", "create", "--role", "ingest", "--name", "from another process");
    expect(await key.status, key.stderr()).toBe(0);
    const token = key.stdout().trim();
    expect(token.length).toBeGreaterThan(20);
    const [created] = await owner.sql.query<{ name: string }>("SELECT name FROM api_key");
    expect(created).toEqual({ name: "from another process" });
    const stored = await owner.prisma.system.count();
    expect(stored).toBeGreaterThan(0);
    expect((parse(readFileSync(file, "utf8")) as { systems: unknown[] }).systems).toHaveLength(stored);
  });

  it("a transaction in another process keeps this process's write out until it ends, and its rollback keeps that write", async () => {
    await owner.sql.exec("TRUNCATE probe");
    const child = run("lib/testing/embedded-child.ts", "hold");
    await child.printed("in transaction");
    let settled = false;
    const mine = owner.sql.query("INSERT INTO probe (who) VALUES ('owner')").then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    child.write("rollback");
    await mine;
    await child.status;
    expect(await probeRows()).toEqual(["owner"]);
  });

  it("a process that exits inside a transaction has it rolled back", async () => {
    await owner.sql.exec("TRUNCATE probe");
    const child = run("lib/testing/embedded-child.ts", "hold");
    await child.printed("in transaction");
    child.write("exit");
    expect(await child.status).toBe(0);
    await owner.sql.query("INSERT INTO probe (who) VALUES ('owner')");
    expect(await probeRows()).toEqual(["owner"]);
  });

  it("two processes ingesting the same indicators at once step each filter exactly once per stored point", async () => {
    const targets = [...(await importIndicators(owner, { acme: ["d", "e"] })).values()];
    const [seed, length, chunk] = [4, 600, 20];
    const child = run("lib/testing/embedded-child.ts", "ingest", String(seed), String(length), String(chunk), "1", "d", "e");
    const { times, values } = syntheticSeries(seededRandom(seed), {
      length,
      change: { kind: "step", at: Math.floor(length * 0.8), size: 8 },
    });
    const T0 = Date.UTC(2026, 10, 1);
    const pipeline = new Pipeline(owner);
    await child.printed("ready");
    for (let start = 0; start < length; start += 2 * chunk) {
      await pipeline.write(
        {
          points: targets.flatMap((indicator) =>
            times.slice(start, start + chunk).map((t, i) => ({ indicator, time: T0 + t, value: values[start + i]! })),
          ),
        },
        { audit: { actor: "system", action: "telemetry.write", detail: { source: "processes-test" } } },
      );
    }
    expect(await child.status, child.stderr()).toBe(0);
    for (const target of targets) {
      const [counts] = await owner.sql.query<{ n: number; stepped: number; steps: number }>(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE stepped)::int AS stepped,
                (SELECT steps::int FROM filter_cursor WHERE indicator_id = $1) AS steps
           FROM observation WHERE indicator_id = $1`,
        [target.id],
      );
      expect(counts!.n).toBe(length);
      expect(counts!.steps).toBe(counts!.stepped);
      // The stored events are those of one filter run over exactly the stepped points, in order.
      const stepped = await owner.sql.query<{ time: number; value: number }>(
        `SELECT (extract(epoch FROM observed_at) * 1000)::float8 AS time, value FROM observation WHERE indicator_id = $1 AND stepped ORDER BY observed_at`,
        [target.id],
      );
      const runtime: IndicatorRuntime = {
        id: 0,
        params: filterParams(DEFAULT_POLICY, { direction: "down", kind: "raw" }),
        kind: "raw",
        capability: null,
        potentiality: null,
      };
      const reference = stepPoints(createFilterState(), runtime, stepped).events.map((e) => ({
        type: e.type,
        kind: e.kind,
        reported: e.reportedAt,
      }));
      const events = await owner.sql.query(
        `SELECT type, kind, (extract(epoch FROM reported_at) * 1000)::float8 AS reported FROM filter_event WHERE indicator_id = $1 ORDER BY id`,
        [target.id],
      );
      expect(events).toEqual(reference);
    }
  });
});

describe("when the owning process exits", () => {
  it("the next process to connect takes the folder over, with everything the owner committed", async () => {
    const folder = path.join(work, "handed-over");
    // Node itself, not the tsx launcher, so that the killed process is the one holding the folder.
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "lib/testing/embedded-child.ts", "own"], {
      env: { ...childEnv, VSM_DATA_DIR: folder },
    });
    const owning = new Promise<void>((resolve) =>
      child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("owning") && resolve()),
    );
    const exited = new Promise((resolve) => child.on("exit", resolve));
    await owning;
    const client = openEmbedded(folder, () => undefined);
    try {
      expect(await client.sql.query("SELECT who FROM probe")).toEqual([{ who: "child owner" }]);
      expect(readFileSync(path.join(folder, "pglite.pid"), "utf8")).toBe(String(child.pid));
      child.kill("SIGKILL");
      await exited;
      await new Promise((resolve) => setTimeout(resolve, 200));
      await client.sql.query("INSERT INTO probe (who) VALUES ('new owner')");
      expect(await client.sql.query("SELECT who FROM probe ORDER BY id")).toEqual([{ who: "child owner" }, { who: "new owner" }]);
      expect(readFileSync(path.join(folder, "pglite.pid"), "utf8")).toBe(String(process.pid));
    } finally {
      await client.close();
    }
  });
});

describe("a folder whose path is too long for a Unix socket", () => {
  it("is served on loopback TCP with the port in pglite.address, and a CLI finds it there", async () => {
    const folder = path.join(work, "a-folder-name-long-enough".repeat(3), "to-pass-the-socket-path-limit".repeat(2));
    const db = openEmbedded(folder);
    try {
      await applyMigrations(db.sql);
      expect(readAddress(folder)).toEqual({ host: "127.0.0.1", port: expect.any(Number) });
      const migrate = runWith({ ...childEnv, VSM_DATA_DIR: folder }, "lib/cli/migrate.ts");
      expect(await migrate.status, migrate.stderr()).toBe(0);
    } finally {
      await db.close();
    }
  });
});
