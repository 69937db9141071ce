import { describe, expect, it } from "vitest";
import { accountRow, keyRow, scopeWords } from "@/lib/view/access-rows";

const T = new Date(Date.UTC(2026, 11, 1, 9, 30));

describe("the Admin page's rows", () => {
  it("word an account's roles, how it signs in, and whether it is enabled", () => {
    const base = {
      id: "u1",
      email: "ann@acme.example",
      name: "Ann",
      hasPassword: true,
      createdAt: T,
      lastSignInAt: null,
      disabledAt: null,
    };
    expect(
      accountRow({
        ...base,
        grants: [
          { role: "operator", scope: "acme/ops" },
          { role: "viewer", scope: "" },
        ],
      }),
    ).toEqual({
      id: "u1",
      email: "ann@acme.example",
      name: "Ann",
      roles: "operator of acme/ops, viewer of the whole model",
      signIn: "password",
      lastSignIn: "never",
      status: "enabled",
    });
    expect(accountRow({ ...base, hasPassword: false, lastSignInAt: T, disabledAt: T, grants: [] })).toMatchObject({
      roles: "no role yet",
      signIn: "single sign-on only",
      lastSignIn: "2026-12-01 09:30 UTC",
      status: "disabled 2026-12-01 09:30 UTC",
    });
  });

  it("word a key's reach and use", () => {
    const key = { id: "k1", name: "prometheus", role: "ingest" as const, scope: "", createdAt: T, lastUsedAt: null, revokedAt: T };
    expect(keyRow(key)).toEqual({
      id: "k1",
      name: "prometheus",
      role: "ingest",
      scope: "the whole model",
      created: "2026-12-01 09:30 UTC",
      lastUsed: "never",
      status: "revoked 2026-12-01 09:30 UTC",
    });
    expect(scopeWords("acme")).toBe("acme");
  });
});
