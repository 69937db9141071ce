/**
 * Who is making a request (docs/access.md): nobody, a program with an API key, or a signed-in
 * person. Each holds roles (what it may do, lib/auth/permissions.ts) on scopes (which part of the
 * model): a key exactly one, a person one per granted subtree.
 */
export const ROLES = ["viewer", "ingest", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** The roles a person may be granted; `ingest` is for programs' keys alone. */
export const USER_ROLES = ["viewer", "operator", "admin"] as const satisfies readonly Role[];
export type UserRole = (typeof USER_ROLES)[number];

/** A role on a system and everything under it. `scope` is a system path such as `acme/ops`; `""` is the whole model. */
export interface Grant {
  role: Role;
  scope: string;
}

export type Actor =
  | { kind: "anonymous" }
  | {
      kind: "api_key";
      keyId: string;
      role: Role;
      /** A system path such as `acme/ops`: the key reaches that system and its subtree. `""` is the whole model. */
      scope: string;
    }
  | {
      kind: "user";
      userId: string;
      email: string;
      name: string;
      grants: readonly Grant[];
    };

export const ANONYMOUS: Actor = { kind: "anonymous" };

/** Every role the actor holds, with where: none for nobody, one for a key, one per grant for a person. */
export function grantsOf(actor: Actor): readonly Grant[] {
  if (actor.kind === "api_key") return [{ role: actor.role, scope: actor.scope }];
  if (actor.kind === "user") return actor.grants;
  return [];
}

/**
 * Turns a request's credentials into an actor. Resolves to ANONYMOUS when the request carries
 * none, and throws AppError("unauthorized") when it carries credentials that are not valid (an
 * unknown or revoked key), so a typo in a key is not mistaken for "no key".
 */
export interface ActorResolver {
  resolve(request: Request): Promise<Actor>;
}
