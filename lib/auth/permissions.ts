import { AppError } from "@/lib/errors";
import { grantsOf, type Actor, type Role } from "@/lib/auth/actor";

/** Which roles hold each permission. A route names the one permission it needs. */
export const PERMISSIONS = {
  /** Read the model, signals and the live stream. */
  read: ["viewer", "operator", "admin"],
  /** Send telemetry. Ingestion keys cannot read, so a leaked sender key reveals nothing. */
  ingest: ["ingest", "admin"],
  /** Act on signals: acknowledge, resolve, silence, note. */
  operate: ["operator", "admin"],
  /** Change the model, policies, keys and accounts. */
  administer: ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** What a route requires: a permission, or "public" (health, readiness), which skips credentials entirely. */
export type Access = Permission | "public";

/** Whether a grant on `scope` reaches the system at `path`: the same system or one below it. */
export function scopeCovers(scope: string, path: string): boolean {
  return scope === "" || path === scope || path.startsWith(`${scope}/`);
}

/**
 * The subtrees in which the actor holds `permission`, none inside another (`[""]`: the whole
 * model; `[]`: nowhere). Queries limit their `where` to these, so a list never holds what the
 * actor may not see.
 */
export function scopesWith(actor: Actor, permission: Permission): string[] {
  const roles: readonly Role[] = PERMISSIONS[permission];
  const scopes = [...new Set(grantsOf(actor).flatMap((g) => (roles.includes(g.role) ? [g.scope] : [])))];
  return scopes.filter((scope) => !scopes.some((other) => other !== scope && scopeCovers(other, scope))).sort();
}

/** Whether the actor holds `permission` on the system at `path`. */
export function permits(actor: Actor, permission: Permission, path: string): boolean {
  return scopesWith(actor, permission).some((scope) => scopeCovers(scope, path));
}

/**
 * `permits` for many paths at once (every point of a batch): the actor's scopes are worked out
 * once and each distinct path judged once.
 */
export function permitter(actor: Actor, permission: Permission): (path: string) => boolean {
  const scopes = scopesWith(actor, permission);
  if (scopes.includes("")) return () => true;
  const judged = new Map<string, boolean>();
  return (path) => {
    let allowed = judged.get(path);
    if (allowed === undefined) {
      allowed = scopes.some((scope) => scopeCovers(scope, path));
      judged.set(path, allowed);
    }
    return allowed;
  };
}

/** Throws 401 when the route needs credentials the actor lacks, 403 when it holds the permission nowhere. */
export function authorize(actor: Actor, access: Access): void {
  if (access === "public") return;
  if (actor.kind === "anonymous") throw unauthenticated();
  if (scopesWith(actor, access).length === 0) {
    const held = grantsOf(actor).map((g) => g.role);
    const roles = held.length === 0 ? "no role" : `only the ${[...new Set(held)].join(", ")} role${held.length > 1 ? "s" : ""}`;
    throw new AppError("forbidden", `${whoIs(actor)} has ${roles}, without the "${access}" permission`);
  }
}

/** Throws 403 when the actor does not hold `permission` on `path` (401 when there is no actor at all). */
export function requireScope(actor: Actor, path: string, permission: Permission): void {
  if (actor.kind === "anonymous") throw unauthenticated();
  if (!permits(actor, permission, path)) {
    throw new AppError("forbidden", `${whoIs(actor)} may not ${permission} "${path}": ${describeScopes(actor, permission)}`);
  }
}

/** "limited to "acme/ops" and its subtree", for messages that say why something was refused. */
export function describeScopes(actor: Actor, permission: Permission): string {
  const scopes = scopesWith(actor, permission);
  if (scopes.length === 0) return "it holds that permission nowhere";
  if (scopes.includes("")) return "it holds it on the whole model";
  return `it is limited to ${scopes.map((s) => `"${s}"`).join(", ")} and ${scopes.length > 1 ? "their subtrees" : "its subtree"}`;
}

function whoIs(actor: Actor): string {
  return actor.kind === "user" ? "This account" : "This API key";
}

function unauthenticated(): AppError {
  return new AppError("unauthorized", "Authentication required: sign in, or send an API key as Authorization: Bearer <key>");
}
