import { describe, expect, it } from "vitest";
import { ANONYMOUS, ROLES, type Actor, type Role } from "@/lib/auth/actor";
import {
  authorize,
  describeScopes,
  permits,
  permitter,
  requireScope,
  scopeCovers,
  scopesWith,
  type Permission,
} from "@/lib/auth/permissions";
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

  it("permitter judges many paths as permits does, one path at a time", () => {
    const paths = ["acme", "acme/ops", "acme/ops/payments", "acme/opsx", "acme/sales", "cybersyn"];
    const actors = [key("ingest", "acme/ops"), key("ingest", ""), key("viewer", ""), ANONYMOUS];
    for (const actor of actors) {
      const mayWrite = permitter(actor, "ingest");
      for (const path of [...paths, ...paths])
        expect(mayWrite(path), `${JSON.stringify(actor)} ${path}`).toBe(permits(actor, "ingest", path));
    }
  });

  it("requireScope answers 403 outside the scope and 401 without a key", () => {
    expect(statusOf(() => requireScope(key("viewer", "acme/ops"), "acme/ops/payments", "read"))).toBe("allowed");
    expect(statusOf(() => requireScope(key("viewer", "acme/ops"), "acme/sales", "read"))).toBe(403);
    expect(statusOf(() => requireScope(key("viewer", "acme/ops"), "acme/ops", "operate"))).toBe(403);
    expect(statusOf(() => requireScope(ANONYMOUS, "acme", "read"))).toBe(401);
  });
});

describe("a person's grants", () => {
  /** Operator of acme/ops, viewer of all acme, admin of acme/sales/emea. */
  const person: Actor = {
    kind: "user",
    userId: "u1",
    email: "ann@acme.example",
    name: "Ann",
    grants: [
      { role: "operator", scope: "acme/ops" },
      { role: "viewer", scope: "acme" },
      { role: "admin", scope: "acme/sales/emea" },
    ],
  };

  it("hold each permission exactly where a grant gives it, the widest scope standing for those inside it", () => {
    expect(scopesWith(person, "read")).toEqual(["acme"]);
    expect(scopesWith(person, "operate")).toEqual(["acme/ops", "acme/sales/emea"]);
    expect(scopesWith(person, "administer")).toEqual(["acme/sales/emea"]);
    expect(scopesWith(person, "ingest")).toEqual(["acme/sales/emea"]);
    expect(permits(person, "operate", "acme/ops/payments")).toBe(true);
    expect(permits(person, "operate", "acme/sales")).toBe(false);
    expect(permits(person, "read", "cybersyn")).toBe(false);
    expect(permits(person, "administer", "acme/sales/emea/uk")).toBe(true);
  });

  it("are checked per system: an operator here is a viewer there", () => {
    expect(statusOf(() => authorize(person, "operate"))).toBe("allowed");
    expect(statusOf(() => requireScope(person, "acme/ops/payments", "operate"))).toBe("allowed");
    expect(statusOf(() => requireScope(person, "acme/finance", "operate"))).toBe(403);
    expect(statusOf(() => requireScope(person, "acme/finance", "read"))).toBe("allowed");
  });

  it("say in a refusal what the actor does hold", () => {
    expect(describeScopes(person, "operate")).toBe('it is limited to "acme/ops", "acme/sales/emea" and their subtrees');
    expect(describeScopes(key("admin"), "read")).toBe("it holds it on the whole model");
    const viewer: Actor = { ...person, grants: [{ role: "viewer", scope: "" }] };
    expect(describeScopes(viewer, "operate")).toBe("it holds that permission nowhere");
    expect(() => authorize(viewer, "operate")).toThrow('This account has only the viewer role, without the "operate" permission');
    const nobody: Actor = { ...person, grants: [] };
    expect(() => authorize(nobody, "read")).toThrow('This account has no role, without the "read" permission');
  });
});
