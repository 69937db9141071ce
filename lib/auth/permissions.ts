import { AppError } from "@/lib/errors";
import type { Actor, Role } from "@/lib/auth/actor";

/** Which roles hold each permission. A route names the one permission it needs. */
export const PERMISSIONS = {
  /** Read the model, signals and the live stream. */
  read: ["viewer", "operator", "admin"],
  /** Send telemetry. Ingestion keys cannot read, so a leaked sender key reveals nothing. */
  ingest: ["ingest", "admin"],
  /** Act on signals: acknowledge, resolve. */
  operate: ["operator", "admin"],
  /** Change the model, policies and keys. */
  administer: ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** What a route requires: a permission, or "public" (health, readiness), which skips credentials entirely. */
export type Access = Permission | "public";

/** Throws 401 when the route needs credentials the actor lacks, 403 when its role falls short. */
export function authorize(actor: Actor, access: Access): void {
  if (access === "public") return;
  if (actor.kind === "anonymous") throw unauthenticated();
  const roles: readonly Role[] = PERMISSIONS[access];
  if (!roles.includes(actor.role)) {
    throw new AppError("forbidden", `This API key's role (${actor.role}) does not have the "${access}" permission`);
  }
}

/** Whether a key scoped to `scope` reaches the system at `path`: the same system or one below it. */
export function scopeCovers(scope: string, path: string): boolean {
  return scope === "" || path === scope || path.startsWith(`${scope}/`);
}

/** Throws 403 when the actor's scope does not reach `path` (401 when there is no actor at all). */
export function requireScope(actor: Actor, path: string): void {
  if (actor.kind === "anonymous") throw unauthenticated();
  if (!scopeCovers(actor.scope, path)) {
    throw new AppError("forbidden", `This API key is limited to "${actor.scope}" and its subtree`);
  }
}

function unauthenticated(): AppError {
  return new AppError("unauthorized", "Authentication required: send an API key as Authorization: Bearer <key>");
}
