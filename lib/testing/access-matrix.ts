import type { Role, UserRole } from "@/lib/auth/actor";

/**
 * The authorization matrix (docs/access.md): every route handler and server action of the console
 * against seven kinds of caller, with what each must get. The tests that read it fail when a route
 * or action exists without an entry here (lib/testing/access-matrix.test.ts), when any caller is
 * let through where this says no, or refused where it says yes (lib/auth/access-matrix.system.test.ts
 * for routes through the built console, lib/actions/action-matrix.int.test.ts for actions).
 *
 * The matrix's requests aim at HOME: a subtree with a unit, an indicator and signals of its own;
 * OTHER is a sibling subtree, where the "other" callers hold their roles.
 */
export const HOME = "acme/payments";
export const HOME_UNIT = "acme/payments/api";
export const OTHER = "acme/platform";

export const MATRIX_ACTORS = ["anonymous", "viewer", "operator", "admin", "adminOfOther", "ingestKey", "keyOfOther"] as const;
export type MatrixActor = (typeof MATRIX_ACTORS)[number];

/** Who each caller is: nobody, a person with one grant, or an API key with a role and scope. */
export const MATRIX_CALLERS: Record<
  MatrixActor,
  { kind: "anonymous" } | { kind: "user"; role: UserRole; scope: string } | { kind: "key"; role: Role; scope: string }
> = {
  anonymous: { kind: "anonymous" },
  viewer: { kind: "user", role: "viewer", scope: HOME },
  operator: { kind: "user", role: "operator", scope: HOME },
  admin: { kind: "user", role: "admin", scope: "" },
  adminOfOther: { kind: "user", role: "admin", scope: OTHER },
  ingestKey: { kind: "key", role: "ingest", scope: HOME },
  keyOfOther: { kind: "key", role: "operator", scope: OTHER },
};

/** allow: not 401/403/404; deny: 401, 403, or 404 for what the caller may not see; absent: 404 for everyone. */
export type Outcome = "allow" | "deny" | "absent";
export type Expected = Record<MatrixActor, Outcome>;

const row = (allowed: readonly MatrixActor[]): Expected =>
  Object.fromEntries(MATRIX_ACTORS.map((actor) => [actor, allowed.includes(actor) ? "allow" : "deny"])) as Expected;

/** Nobody the matrix can name: a route for another kind of caller (the scheduler's shared secret). */
export const NOBODY = row([]);
/** Everyone, credentials or none: health, readiness, sign-in itself. */
export const EVERYONE = row(MATRIX_ACTORS);
/** Reading HOME: its viewer, operator and a whole-model admin; not an ingest key, not the other subtree's callers. */
export const READ_HOME = row(["viewer", "operator", "admin"]);
/** A list or stream any reader may ask for, each seeing only their own subtrees' rows. */
export const READ_ANY = row(["viewer", "operator", "admin", "adminOfOther", "keyOfOther"]);
/** Acting on HOME's signals: its operator and a whole-model admin. */
export const OPERATE_HOME = row(["operator", "admin"]);
/** Sending HOME's telemetry: its ingest key and a whole-model admin. */
export const INGEST_HOME = row(["ingestKey", "admin"]);
/** The whole model's structure and policy: a whole-model admin alone. */
export const ADMIN_ALL = row(["admin"]);
/** Reading the whole model at once (the console's own metrics): of these callers, the whole-model admin alone. */
export const READ_ALL = row(["admin"]);
/** No such route: the catch-all's JSON 404, whoever asks. */
export const ABSENT = Object.fromEntries(MATRIX_ACTORS.map((actor) => [actor, "absent"])) as Expected;

/**
 * Route handlers, by method and route file (as in app/api). HEAD follows GET and OPTIONS answers
 * everyone with the allowed methods, so neither has rows of its own.
 */
export const ROUTE_ACCESS: Record<string, Expected> = {
  "GET /api/health": EVERYONE,
  "GET /api/ready": EVERYONE,
  "GET /api/auth/[...nextauth]": EVERYONE,
  "POST /api/auth/[...nextauth]": EVERYONE,
  "GET /api/[[...rest]]": ABSENT,
  "POST /api/[[...rest]]": ABSENT,
  "PUT /api/[[...rest]]": ABSENT,
  "PATCH /api/[[...rest]]": ABSENT,
  "DELETE /api/[[...rest]]": ABSENT,
  "GET /api/cron/deadlines": NOBODY,
  "GET /api/metrics": READ_ALL,
  "GET /api/graphql": READ_ANY,
  "POST /api/graphql": READ_ANY,
  "POST /api/otlp/v1/metrics": INGEST_HOME,
  "POST /api/v1/observations": INGEST_HOME,
  "GET /api/v1/observations": READ_HOME,
  "POST /api/v1/write": INGEST_HOME,
  "POST /api/v2/alerts": INGEST_HOME,
  "GET /api/v1/stream": READ_ANY,
  "GET /api/v1/openapi.json": READ_ANY,
  "GET /api/v1/systems": READ_ANY,
  "GET /api/v1/units": READ_HOME,
  "GET /api/v1/indicators": READ_HOME,
  "GET /api/v1/signals": READ_ANY,
  "GET /api/v1/signals/[id]": READ_HOME,
  "POST /api/v1/signals/[id]/acknowledge": OPERATE_HOME,
  "POST /api/v1/signals/[id]/resolve": OPERATE_HOME,
  "POST /api/v1/signals/[id]/notes": OPERATE_HOME,
  "POST /api/v1/signals/[id]/silence": OPERATE_HOME,
  "GET /api/v1/silences": READ_ANY,
  "POST /api/v1/silences": OPERATE_HOME,
  "POST /api/v1/silences/[id]/end": OPERATE_HOME,
  "GET /api/v1/variety": READ_ANY,
  "GET /api/v1/diagnosis": READ_ANY,
  "GET /api/v1/model": READ_ALL,
  "POST /api/v1/model": ADMIN_ALL,
};

/**
 * Server actions, by "use server" file and export. `public` ones are what a signed-out visitor
 * must be able to call (signing in, the first admin's one-time link); they check their own
 * credentials (a password, a token) and reveal nothing else.
 */
export const ACTION_ACCESS: Record<string, Expected> = {
  "app/(console)/signals/[id]/actions.ts#acknowledgeAction": OPERATE_HOME,
  "app/(console)/signals/[id]/actions.ts#resolveAction": OPERATE_HOME,
  "app/(console)/signals/[id]/actions.ts#noteAction": OPERATE_HOME,
  "app/(console)/signals/[id]/actions.ts#silenceAction": OPERATE_HOME,
  "app/sign-in/actions.ts#signInWithPassword": EVERYONE,
  "app/sign-in/actions.ts#signInWithOidc": EVERYONE,
  "app/sign-in/actions.ts#signOutAction": EVERYONE,
  "app/first-admin/actions.ts#createFirstAdmin": EVERYONE,
};
