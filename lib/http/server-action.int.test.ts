import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Actor } from "@/lib/auth/actor";
import { withAction } from "@/lib/http/server-action";
import { parseModel } from "@/lib/model-file/parse-model";
import { recentAudit } from "@/lib/store/audit-events";
import { importModel } from "@/lib/store/model-import";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

/** The server actions' wrapper with real actors and a real database: who may act where, and what a refusal says. */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await importModel(
    db,
    parseModel(
      "version: 1\nsystems:\n  - { path: acme, name: Acme }\n  - { path: acme/ops, name: Ops }\n  - { path: acme/sales, name: Sales }\n",
      "yaml",
    ),
  );
});
afterAll(() => db.drop());

const person = (grants: { role: "viewer" | "operator" | "admin"; scope: string }[]): Actor => ({
  kind: "user",
  userId: "u1",
  email: "ann@acme.example",
  name: "",
  grants,
});
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

/** An action that writes an audit entry on the system the form names, if it exists. */
function noteAction(actor: Actor) {
  return withAction(
    {
      name: "test.note",
      permission: "operate",
      input: z.object({ path: z.string(), text: z.string().trim().min(1, { message: "is required" }) }),
      scope: async (input, database) =>
        (await database.sql.query(`SELECT 1 FROM "system" WHERE path = $1`, [input.path])).length > 0 ? input.path : null,
    },
    async ({ input, audit, db: database }) => {
      await database.sql.query(`INSERT INTO "audit_event" (actor, action, target, detail) VALUES ($1, 'test.note', $2, '{}')`, [
        audit,
        input.path,
      ]);
      return `Noted on ${input.path}.`;
    },
    { actor: async () => actor, database: async () => db },
  );
}

describe("withAction", () => {
  it("lets an operator act inside their subtree and names them in the audit trail", async () => {
    const result = await noteAction(person([{ role: "operator", scope: "acme/ops" }]))(null, form({ path: "acme/ops", text: "hello" }));
    expect(result).toEqual({ ok: true, message: "Noted on acme/ops." });
    expect((await recentAudit(db.sql, 1))[0]).toMatchObject({ actor: "user:ann@acme.example", action: "test.note", target: "acme/ops" });
  });

  it("refuses nobody, a viewer, an operator of another subtree, and a missing target, writing nothing", async () => {
    const before = (await recentAudit(db.sql, 1))[0]!.id;
    const cases: [Actor, Record<string, string>, RegExp][] = [
      [{ kind: "anonymous" }, { path: "acme/ops", text: "x" }, /sign in again/],
      [person([{ role: "viewer", scope: "" }]), { path: "acme/ops", text: "x" }, /only the viewer role, without the "operate" permission/],
      [
        person([{ role: "operator", scope: "acme/sales" }]),
        { path: "acme/ops", text: "x" },
        /may not operate "acme\/ops": it is limited to "acme\/sales"/,
      ],
      [person([{ role: "admin", scope: "" }]), { path: "acme/nowhere", text: "x" }, /no longer exists, or is not yours to see/],
    ];
    for (const [actor, fields, says] of cases) {
      const result = await noteAction(actor)(null, form(fields));
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error).toMatch(says);
    }
    expect((await recentAudit(db.sql, 1))[0]!.id).toBe(before);
  });

  it("names each wrong field of the form", async () => {
    const result = await noteAction(person([{ role: "admin", scope: "" }]))(null, form({ path: "acme/ops", text: "   " }));
    expect(result).toEqual({ ok: false, error: "Check text.", fields: { text: "is required" } });
  });
});
