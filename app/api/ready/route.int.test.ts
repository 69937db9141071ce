import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/store/database";

/**
 * /api/ready is public: whatever is wrong with the database, its answer must not carry the
 * connection string, host, role, database name, data folder or the driver's raw error.
 * Each case loads the route afresh under its own environment, as a new server would.
 */
const holder = globalThis as typeof globalThis & { vsmDatabase?: Database; vsmPrepared?: Promise<Database> };

afterEach(async () => {
  await holder.vsmPrepared?.catch(() => undefined);
  await holder.vsmDatabase?.close();
  delete holder.vsmDatabase;
  delete holder.vsmPrepared;
  vi.unstubAllEnvs();
});

async function askReady(env: Record<string, string>) {
  vi.resetModules();
  vi.stubEnv("LOG_LEVEL", "silent");
  vi.stubEnv("DATABASE_URL", "");
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const { GET } = await import("@/app/api/ready/route");
  const response = await GET(new Request("http://localhost/api/ready"));
  return { status: response.status, text: await response.text() };
}

const NOT_REACHED = {
  status: "not ready",
  checks: { database: { ok: false, reason: "database unreachable" }, migrations: { ok: false, reason: "not checked" } },
};

function expectNoneOf(text: string, secrets: string[]) {
  for (const secret of secrets) expect(text, `the answer must not contain "${secret}"`).not.toContain(secret);
}

describe("GET /api/ready", () => {
  it("answers 503 for a refused connection without the URL, its parts or the raw error", async () => {
    const { status, text } = await askReady({ DATABASE_URL: "postgresql://leaky_user:hunter2@127.0.0.1:1/secret_db" });
    expect(status).toBe(503);
    expect(JSON.parse(text)).toEqual(NOT_REACHED);
    expectNoneOf(text, ["leaky_user", "hunter2", "127.0.0.1", "secret_db", "ECONNREFUSED", "postgres"]);
  });

  it("answers 503 for a host that does not resolve, naming no host", async () => {
    const { status, text } = await askReady({ DATABASE_URL: "postgresql://leaky_user:hunter2@db-secret-host.invalid:5432/secret_db" });
    expect(status).toBe(503);
    expect(JSON.parse(text)).toEqual(NOT_REACHED);
    expectNoneOf(text, ["leaky_user", "hunter2", "db-secret-host", "secret_db", "ENOTFOUND", "5432"]);
  });

  it.runIf(process.env.DATABASE_URL)("answers 503 when the server refuses the role, naming neither role nor database", async () => {
    const url = new URL(process.env.DATABASE_URL ?? "");
    url.username = "leaky_user";
    url.password = "hunter2";
    url.pathname = "/secret_db";
    const { status, text } = await askReady({ DATABASE_URL: url.toString() });
    expect(status).toBe(503);
    expect(JSON.parse(text).checks.database).toEqual({ ok: false, reason: "database refused the connection" });
    expectNoneOf(text, ["leaky_user", "hunter2", "secret_db", url.hostname, "28000", "role"]);
  });

  it("answers 200 on a migrated embedded database without naming its folder", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "vsm-ready-"));
    try {
      const { status, text } = await askReady({ VSM_DATA_DIR: dir, VSM_SEED_EXAMPLE: "none" });
      expect(status).toBe(200);
      const body = JSON.parse(text);
      expect(body).toMatchObject({ status: "ready", checks: { database: { ok: true }, migrations: { ok: true, pending: 0 } } });
      expect(body.checks.migrations.applied).toBeGreaterThanOrEqual(1);
      expectNoneOf(text, [dir, "pglite", "PGlite"]);
    } finally {
      await holder.vsmDatabase?.close();
      delete holder.vsmDatabase;
      delete holder.vsmPrepared;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
