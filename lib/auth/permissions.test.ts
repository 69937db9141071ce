import { describe, expect, it } from "vitest";
import { ANONYMOUS, ROLES, type Actor, type Role } from "@/lib/auth/actor";
import { authorize, requireScope, scopeCovers, type Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

function key(role: Role, scope = ""): Actor {
  return { kind: "api_key", keyId: "k1", role, scope };
}

function statusOf(work: () => void): number | "allowed" {
  try {
    work();
    return "allowed";
  } catch (error) {
    if (error instanceof AppError) return error.status;
    throw error;
  }
}

describe("authorize", () => {
  it("lets anyone through a public route, even with no credentials", () => {
    expect(statusOf(() => authorize(ANONYMOUS, "public"))).toBe("allowed");
  });

  it("answers 401 to an anonymous caller for every permission", () => {
    for (const permission of ["read", "ingest", "operate", "administer"] as const) {
      expect(statusOf(() => authorize(ANONYMOUS, permission))).toBe(401);
    }
  });

  it("answers 403 when the key's role lacks the permission", () => {
    const table: Record<Role, Record<Permission, number | "allowed">> = {
      viewer: { read: "allowed", ingest: 403, operate: 403, administer: 403 },
      ingest: { read: 403, ingest: "allowed", operate: 403, administer: 403 },
      operator: { read: "allowed", ingest: 403, operate: "allowed", administer: 403 },
      admin: { read: "allowed", ingest: "allowed", operate: "allowed", administer: "allowed" },
    };
    for (const role of ROLES) {
      for (const [permission, expected] of Object.entries(table[role]) as [Permission, number | "allowed"][]) {
        expect(
          statusOf(() => authorize(key(role), permission)),
          `${role} → ${permission}`,
        ).toBe(expected);
      }
    }
  });
});

describe("scopes", () => {
  it("reach the scoped system and its subtree, not its siblings, parents or look-alikes", () => {
    expect(scopeCovers("acme/ops", "acme/ops")).toBe(true);
    expect(scopeCovers("acme/ops", "acme/ops/payments")).toBe(true);
    expect(scopeCovers("acme/ops", "acme/opsx")).toBe(false);
    expect(scopeCovers("acme/ops", "acme")).toBe(false);
    expect(scopeCovers("acme/ops", "acme/sales")).toBe(false);
    expect(scopeCovers("", "cybersyn/steel")).toBe(true);
  });

  it("requireScope answers 403 outside the scope and 401 without a key", () => {
    expect(statusOf(() => requireScope(key("viewer", "acme/ops"), "acme/ops/payments"))).toBe("allowed");
    expect(statusOf(() => requireScope(key("viewer", "acme/ops"), "acme/sales"))).toBe(403);
    expect(statusOf(() => requireScope(ANONYMOUS, "acme"))).toBe(401);
  });
});
