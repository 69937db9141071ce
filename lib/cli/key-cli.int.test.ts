import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiKeyResolver } from "@/lib/auth/key-resolver";
import type { Database } from "@/lib/store/database";
import { recentAudit } from "@/lib/store/audit-events";
import { createCliDatabase, type CliDatabase } from "@/lib/testing/cli-database";

/** The real `npm run key` command against a database of its own (PostgreSQL or an embedded folder). */
let cli: CliDatabase;
const key = (...args: string[]) => cli.run("lib/cli/key.ts", ...args);
const withDatabase = <T>(work: (db: Database) => Promise<T>) => cli.withDatabase(work);

const bearer = (token: string) => new Request("http://localhost/api/x", { headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  cli = await createCliDatabase();
  expect(cli.run("lib/cli/seed.ts", "saas").status).toBe(0);
});
afterAll(() => cli.drop());

describe("npm run key", () => {
  let id = "";
  let token = "";

  it("creates a key, printing it once on stdout alone", async () => {
    const created = key("create", "--scope", "acme/platform", "--role", "ingest");
    expect(created.stderr).toMatch(/^Created API key [0-9a-f]{16} \(ingest, acme\/platform\) in .*It is shown once; store it now:/);
    expect(created.status).toBe(0);
    token = created.stdout.trim();
    expect(token).toMatch(/^vsm_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    id = token.slice(4, 20);
    const actor = await withDatabase((db) => apiKeyResolver(async () => db.sql).resolve(bearer(token)));
    expect(actor).toEqual({ kind: "api_key", keyId: id, role: "ingest", scope: "acme/platform" });
  });

  it("lists keys without secrets, and revokes them for good", async () => {
    const listed = key("list");
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`${id}\\s+ingest\\s+acme/platform\\s+active`));
    expect(listed.stdout).not.toContain(token.slice(21));
    const revoked = key("revoke", id);
    expect([revoked.status, revoked.stdout.trim()]).toEqual([
      0,
      `Revoked API key ${id} (ingest key for acme/platform); requests with it now answer 401.`,
    ]);
    expect(key("list").stdout).toMatch(new RegExp(`${id}\\s+ingest\\s+acme/platform\\s+revoked 20`));
    await expect(withDatabase((db) => apiKeyResolver(async () => db.sql).resolve(bearer(token)))).rejects.toThrow(
      `The API key ${id} was revoked`,
    );
    const actions = await withDatabase(async (db) =>
      (await recentAudit(db.sql, 2)).map((e) => [e.action, e.target, e.actor.startsWith("cli:")]),
    );
    expect(actions).toEqual([
      ["key.revoke", id, true],
      ["key.create", id, true],
    ]);
  });

  it("explains bad use: unknown role, missing system, unknown id, no command", () => {
    expect(key("create", "--role", "root").stderr).toMatch(/^--role must be one of viewer, ingest, operator, admin/);
    expect(key("create", "--role", "ingest", "--scope", "acme/nowhere").stderr).toMatch(/There is no system at "acme\/nowhere"/);
    const unknown = key("revoke", "0123456789abcdef");
    expect([unknown.status, unknown.stderr.trim()]).toEqual([1, "There is no API key with id 0123456789abcdef"]);
    expect(key().stderr).toMatch(/^Usage: npm run key -- create --role/);
  });
});
