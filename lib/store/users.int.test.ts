import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseModel } from "@/lib/model-file/parse-model";
import { recentAudit } from "@/lib/store/audit-events";
import { importModel } from "@/lib/store/model-import";
import { firstAdminTokenUsable, issueFirstAdminToken, redeemFirstAdminToken, FIRST_ADMIN_LINK_TTL_MS } from "@/lib/store/sign-in-links";
import {
  countUsers,
  createUser,
  findSignInAccount,
  grantRole,
  listUsers,
  revokeGrant,
  sessionActor,
  setDisabled,
  setPasswordHash,
} from "@/lib/store/users";
import { refusal } from "@/lib/testing/refusal";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await importModel(db, parseModel("version: 1\nsystems:\n  - { path: acme, name: Acme }\n  - { path: acme/ops, name: Ops }\n", "yaml"));
});
afterAll(() => db.drop());

const NOW = Date.UTC(2026, 11, 1, 12);

describe("the first admin's link", () => {
  it("is issued while there is no account, replaced by a newer one, and makes exactly one admin", async () => {
    expect(await countUsers(db.sql)).toBe(0);
    const stale = (await issueFirstAdminToken(db.sql, NOW))!;
    const token = (await issueFirstAdminToken(db.sql, NOW + 1000))!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await firstAdminTokenUsable(db.sql, stale, NOW + 2000)).toBe(false);
    expect(await firstAdminTokenUsable(db.sql, token, NOW + 2000)).toBe(true);
    expect(await firstAdminTokenUsable(db.sql, token, NOW + 1000 + FIRST_ADMIN_LINK_TTL_MS)).toBe(false);
    // Only a hash is kept.
    const rows = await db.sql.query<Record<string, unknown>>(`SELECT * FROM "sign_in_link"`);
    expect(JSON.stringify(rows)).not.toContain(token);

    const refused = await refusal(
      redeemFirstAdminToken(db.sql, stale, { email: "x@acme.example", name: "", passwordHash: "h" }, NOW + 2000),
    );
    expect(refused.code).toBe("forbidden");
    const admin = await redeemFirstAdminToken(db.sql, token, { email: " Ann@Acme.Example ", name: "Ann", passwordHash: "h" }, NOW + 2000);
    expect(admin.email).toBe("ann@acme.example");
    expect(await sessionActor(db.sql, admin.id, 1)).toEqual({
      kind: "user",
      userId: admin.id,
      email: "ann@acme.example",
      name: "Ann",
      grants: [{ role: "admin", scope: "" }],
    });
    // Spent, and no new one while an account exists.
    expect(
      (await refusal(redeemFirstAdminToken(db.sql, token, { email: "y@acme.example", name: "", passwordHash: "h" }, NOW + 3000))).code,
    ).toBe("forbidden");
    expect(await issueFirstAdminToken(db.sql, NOW + 4000)).toBeNull();
    expect(await countUsers(db.sql)).toBe(1);
    expect((await recentAudit(db.sql, 2)).map((e) => e.action)).toEqual(["user.first-admin", "user.create"]);
  });
});

describe("accounts", () => {
  it("hold roles on subtrees, read fresh for every session, and are audited", async () => {
    const { id } = await createUser(
      db.sql,
      { email: "bob@acme.example", passwordHash: "h", grants: [{ role: "operator", scope: "acme/ops" }] },
      "cli:root",
    );
    await grantRole(db.sql, "BOB@acme.example", { role: "viewer", scope: "" }, "cli:root");
    expect(await sessionActor(db.sql, id, 1)).toMatchObject({
      grants: [
        { role: "viewer", scope: "" },
        { role: "operator", scope: "acme/ops" },
      ],
    });
    await grantRole(db.sql, "bob@acme.example", { role: "admin", scope: "acme/ops" }, "cli:root");
    await revokeGrant(db.sql, "bob@acme.example", "", "cli:root");
    expect(await sessionActor(db.sql, id, 1)).toMatchObject({ grants: [{ role: "admin", scope: "acme/ops" }] });
    expect((await recentAudit(db.sql, 3)).map((e) => [e.actor, e.action, e.target])).toEqual([
      ["cli:root", "user.revoke", "bob@acme.example"],
      ["cli:root", "user.grant", "bob@acme.example"],
      ["cli:root", "user.grant", "bob@acme.example"],
    ]);
  });

  it("end every session when the password changes or the account is disabled", async () => {
    const { id } = await createUser(
      db.sql,
      { email: "cy@acme.example", passwordHash: "h1", grants: [{ role: "viewer", scope: "acme" }] },
      "cli:root",
    );
    expect(await sessionActor(db.sql, id, 1)).not.toBeNull();
    await setPasswordHash(db.sql, "cy@acme.example", "h2", "cli:root");
    expect(await sessionActor(db.sql, id, 1)).toBeNull();
    expect(await sessionActor(db.sql, id, 2)).not.toBeNull();
    await setDisabled(db.sql, "cy@acme.example", true, "cli:root");
    expect(await sessionActor(db.sql, id, 3)).toBeNull();
    expect(await findSignInAccount(db.sql, "cy@acme.example")).toMatchObject({ passwordHash: "h2", disabled: true, sessionVersion: 3 });
    await setDisabled(db.sql, "cy@acme.example", false, "cli:root");
    expect(await sessionActor(db.sql, id, 3)).not.toBeNull();
  });

  it("refuse a taken email, an unknown system, a program's role, and changes to nobody, leaving nothing behind", async () => {
    const before = await listUsers(db.sql);
    expect((await refusal(createUser(db.sql, { email: "bob@acme.example", passwordHash: "h", grants: [] }, "t"))).code).toBe("conflict");
    const unknown = await refusal(
      createUser(db.sql, { email: "dee@acme.example", passwordHash: "h", grants: [{ role: "viewer", scope: "acme/nope" }] }, "t"),
    );
    expect(unknown).toMatchObject({ code: "validation_failed", details: [{ path: "scope", message: "no such system" }] });
    const ingest = await refusal(
      createUser(db.sql, { email: "eve@acme.example", passwordHash: "h", grants: [{ role: "ingest" as "viewer", scope: "" }] }, "t"),
    );
    expect(ingest.code).toBe("validation_failed");
    expect((await refusal(grantRole(db.sql, "nobody@acme.example", { role: "viewer", scope: "" }, "t"))).code).toBe("not_found");
    expect((await refusal(revokeGrant(db.sql, "bob@acme.example", "acme", "t"))).code).toBe("not_found");
    expect((await refusal(setDisabled(db.sql, "nobody@acme.example", true, "t"))).code).toBe("not_found");
    expect(await listUsers(db.sql)).toEqual(before);
  });

  it("list without password hashes", async () => {
    const users = await listUsers(db.sql);
    expect(users.map((u) => u.email)).toEqual(["ann@acme.example", "bob@acme.example", "cy@acme.example"]);
    expect(JSON.stringify(users)).not.toContain("h2");
    expect(users[0]).toMatchObject({ hasPassword: true, disabledAt: null });
  });
});
