/**
 * Who is making a request. Until API keys exist every caller is anonymous; an API key will carry a
 * role (what it may do, lib/auth/permissions.ts) and a scope (which part of the model it may touch).
 */
export const ROLES = ["viewer", "ingest", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

export type Actor =
  | { kind: "anonymous" }
  | {
      kind: "api_key";
      keyId: string;
      role: Role;
      /** A system path such as `acme/ops`: the key reaches that system and its subtree. `""` is the whole model. */
      scope: string;
    };

export const ANONYMOUS: Actor = { kind: "anonymous" };

/**
 * Turns a request's credentials into an actor. Resolves to ANONYMOUS when the request carries
 * none, and throws AppError("unauthorized") when it carries credentials that are not valid (an
 * unknown or revoked key), so a typo in a key is not mistaken for "no key".
 */
export interface ActorResolver {
  resolve(request: Request): Promise<Actor>;
}
