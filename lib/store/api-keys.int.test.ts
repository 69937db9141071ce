import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseKeyToken } from "@/lib/auth/api-key-token";
import { apiKeyResolver } from "@/lib/auth/key-resolver";
import { parseModel } from "@/lib/model-file/parse-model";
import { createApiKey, findApiKey, listApiKeys, revokeApiKey } from "@/lib/store/api-keys";
import { recentAudit } from "@/lib/store/audit-events";
import { importModel } from "@/lib/store/model-import";
import { refusal } from "@/lib/testing/refusal";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await importModel(db, parseModel("version: 1\nsystems:\n  - { path: acme, name: Acme }\n  - { path: acme/ops, name: Ops }\n", "yaml"));
});
afterAll(() => db.drop());

const request = (authorization?: string) => new Request("http://localhost/api/x", { headers: authorization ? { authorization } : {} });

describe("API keys in the database", () => {
  it("are stored as a hash only, scoped to an existing system, and audited", async () => {
    const { id, token } = await createApiKey(db.sql, { name: "collector", role: "ingest", scope: "acme/ops" }, "cli:alice");
    const secret = parseKeyToken(token)!.secret;
    const [raw] = await db.sql.query<Record<string, unknown>>(`SELECT * FROM "api_key" WHERE id = $1`, [id]);
    expect(JSON.stringify(raw)).not.toContain(secret);
    expect(Object.keys(raw!).sort()).toEqual(["created_at", "id", "last_used_at", "name", "revoked_at", "role", "scope", "secret_hash"]);
    const [entry] = await recentAudit(db.sql, 1);
    expect(entry).toMatchObject({
      actor: "cli:alice",
      action: "key.create",
      target: id,
      detail: { name: "collector", role: "ingest", scope: "acme/ops" },
    });
    await expect(createApiKey(db.sql, { name: "x", role: "ingest", scope: "acme/nowhere" }, "cli:alice")).rejects.toThrow(
      'There is no system at "acme/nowhere"',
    );
  });

  it("resolve to an actor with role and scope, record last use at most once a minute, and refuse revoked keys", async () => {
    const { id, token } = await createApiKey(db.sql, { name: "sender", role: "ingest", scope: "acme" }, "cli:alice");
    let now = Date.parse("2026-11-30T12:00:00Z");
    const resolver = apiKeyResolver(
      async () => db.sql,
      () => now,
    );
    expect(await resolver.resolve(request(`Bearer ${token}`))).toEqual({ kind: "api_key", keyId: id, role: "ingest", scope: "acme" });
    expect((await findApiKey(db.sql, id))?.lastUsedAt?.toISOString()).toBe("2026-11-30T12:00:00.000Z");
    now += 30_000;
    await resolver.resolve(request(`bearer  ${token}`));
    expect((await findApiKey(db.sql, id))?.lastUsedAt?.toISOString()).toBe("2026-11-30T12:00:00.000Z");
    now += 60_000;
    await resolver.resolve(request(`Bearer ${token}`));
    expect((await findApiKey(db.sql, id))?.lastUsedAt?.toISOString()).toBe("2026-11-30T12:01:30.000Z");

    const revoked = await revokeApiKey(db.sql, id, "cli:bob");
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    const error = await refusal(resolver.resolve(request(`Bearer ${token}`)));
    expect([error.status, error.message]).toEqual([401, `The API key ${id} was revoked on ${revoked.revokedAt!.toISOString()}`]);
    await expect(revokeApiKey(db.sql, id, "cli:bob")).rejects.toThrow(`The API key ${id} is already revoked`);
    await expect(revokeApiKey(db.sql, "0123456789abcdef", "cli:bob")).rejects.toThrow("There is no API key with id 0123456789abcdef");
    expect((await recentAudit(db.sql, 1))[0]).toMatchObject({ actor: "cli:bob", action: "key.revoke", target: id });
    expect((await listApiKeys(db.sql)).find((k) => k.id === id)).not.toHaveProperty("secretHash");
  });

  it("answer 401 for unknown keys, wrong secrets, malformed tokens and other schemes; nothing for no header", async () => {
    const { id, token } = await createApiKey(db.sql, { name: "k", role: "viewer", scope: "" }, "cli:alice");
    const resolver = apiKeyResolver(async () => db.sql);
    expect(await resolver.resolve(request())).toEqual({ kind: "anonymous" });
    const wrongSecret = `vsm_${id}_${"A".repeat(43)}`;
    const unknown = token.replace(id, "ffffffffffffffff");
    for (const header of [`Bearer ${wrongSecret}`, `Bearer ${unknown}`, "Bearer nonsense", `Basic ${btoa("user:pw")}`, "Bearer"]) {
      const error = await refusal(resolver.resolve(request(header)));
      expect(error.status, header).toBe(401);
    }
  });
});

describe("the audit trail", () => {
  it("is refused UPDATE, DELETE and TRUNCATE by the database itself", async () => {
    await createApiKey(db.sql, { name: "k", role: "viewer", scope: "" }, "cli:alice");
    const before = await recentAudit(db.sql, 1000);
    for (const statement of [`UPDATE "audit_event" SET actor = 'mallory'`, `DELETE FROM "audit_event"`, `TRUNCATE "audit_event"`]) {
      await expect(db.sql.query(statement), statement).rejects.toThrow(/audit_event is append-only/);
    }
    expect(await recentAudit(db.sql, 1000)).toEqual(before);
  });
});
