import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSignInThrottle } from "@/lib/auth/sign-in-throttle";
import { verifySignIn } from "@/lib/auth/verify-sign-in";
import { recentAudit } from "@/lib/store/audit-events";
import { createCliDatabase, type CliDatabase } from "@/lib/testing/cli-database";

/** The real `npm run user` command against a database of its own (PostgreSQL or an embedded folder). */
let cli: CliDatabase;
const user = (...args: string[]) => cli.run("lib/cli/user.ts", ...args);
const signIn = (email: string, password: string) =>
  cli.withDatabase((db) => verifySignIn({ sql: db.sql, throttle: createSignInThrottle() }, { email, password }, "cli-test"));

beforeAll(async () => {
  cli = await createCliDatabase();
  expect(cli.run("lib/cli/seed.ts", "saas").status).toBe(0);
});
afterAll(() => cli.drop());

describe("npm run user", () => {
  it("creates an admin, printing a generated password once on stdout alone, with which they can sign in", async () => {
    const created = user("create", "Ann@Acme.example", "--admin", "--name", "Ann");
    expect(created.stderr).toMatch(
      /^Created ann@acme\.example \(admin of the whole model\) in .*\nIts password is shown once; store it now:/,
    );
    expect(created.status).toBe(0);
    const password = created.stdout.trim();
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(await signIn("ann@acme.example", password)).toMatchObject({ ok: true });
  });

  it("takes a chosen password on stdin, grants and revokes roles on subtrees, and lists accounts without hashes", async () => {
    const created = cli.runWithInput(
      "a chosen passphrase\n",
      "lib/cli/user.ts",
      "create",
      "bob@acme.example",
      "--role",
      "operator",
      "--scope",
      "acme/payments",
      "--password-stdin",
    );
    expect([created.status, created.stdout]).toEqual([0, ""]);
    expect(await signIn("bob@acme.example", "a chosen passphrase")).toMatchObject({ ok: true });
    expect(user("grant", "bob@acme.example", "--role", "viewer").status).toBe(0);
    expect(user("revoke", "bob@acme.example", "--scope", "acme/payments").stdout.trim()).toBe(
      "bob@acme.example no longer holds a role on acme/payments.",
    );
    const listed = user("list");
    expect(listed.stdout).toMatch(/bob@acme\.example\s+active\s+viewer@\(all\)\s+20/);
    expect(listed.stdout).not.toContain("$argon2id$");
    const actions = await cli.withDatabase(async (db) =>
      (await recentAudit(db.sql, 3)).map((e) => [e.action, e.target, e.actor.startsWith("cli:")]),
    );
    expect(actions).toEqual([
      ["user.revoke", "bob@acme.example", true],
      ["user.grant", "bob@acme.example", true],
      ["user.sign-in", "bob@acme.example", false],
    ]);
  });

  it("explains bad use and changes nothing: a short password, an unknown role, system or account", async () => {
    expect(cli.runWithInput("short\n", "lib/cli/user.ts", "create", "cy@acme.example", "--password-stdin").stderr).toMatch(
      /^The password must be at least 12 characters/,
    );
    expect(user("grant", "bob@acme.example", "--role", "ingest").stderr).toMatch(/^--role must be one of viewer, operator, admin/);
    const nowhere = user("create", "dee@acme.example", "--scope", "acme/nowhere");
    expect([nowhere.status, nowhere.stderr.trim()]).toEqual([
      1,
      'There is no system at "acme/nowhere": a role\'s scope must name one ("" for the whole model)',
    ]);
    expect(user("disable", "nobody@acme.example").stderr.trim()).toBe("There is no account for nobody@acme.example");
    expect(user("list").stdout).not.toMatch(/cy@|dee@/);
  });
});
