import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { USER_ROLES, type Actor, type Grant, type UserRole } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { appendAudit } from "@/lib/store/audit-events";
import type { SqlRunner } from "@/lib/store/sql-runner";

/** Accounts and their grants (docs/access.md). Every change is audited in its own transaction. */

type Query = Pick<SqlRunner, "query">;

export const emailSchema = z
  .string()
  .trim()
  .max(320, { message: "must be at most 320 characters" })
  .pipe(z.email({ message: "must be an email address such as ann@example.com" }))
  .transform((email) => email.toLowerCase());

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  hasPassword: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
  disabledAt: Date | null;
  grants: Grant[];
}

/** What sign-in needs of an account, the password hash included: never leaves the server. */
export interface SignInAccount {
  id: string;
  email: string;
  passwordHash: string | null;
  sessionVersion: number;
  disabled: boolean;
}

export async function countUsers(sql: Query): Promise<number> {
  const [row] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "app_user"`);
  return row?.n ?? 0;
}

/**
 * Creates an account with its grants. `passwordHash` is already hashed (lib/auth/password.ts) so
 * no plain password reaches the store; null makes an account that signs in through OIDC only.
 */
export async function createUser(
  sql: SqlRunner,
  input: { email: string; name?: string; passwordHash: string | null; grants: readonly { role: UserRole; scope: string }[] },
  actor: string,
): Promise<{ id: string; email: string }> {
  return sql.transaction((tx) => insertUser(tx, input, actor));
}

/** The insert itself, for callers already in a transaction (the first admin's link). */
export async function insertUser(
  tx: Query,
  input: { email: string; name?: string; passwordHash: string | null; grants: readonly { role: UserRole; scope: string }[] },
  actor: string,
): Promise<{ id: string; email: string }> {
  const email = emailSchema.parse(input.email);
  const id = randomBytes(8).toString("hex");
  const taken = await tx.query(`SELECT 1 FROM "app_user" WHERE email = $1`, [email]);
  if (taken.length > 0) throw new AppError("conflict", `There is already an account for ${email}`, [{ path: "email", message: "taken" }]);
  await tx.query(`INSERT INTO "app_user" (id, email, name, password_hash) VALUES ($1, $2, $3, $4)`, [
    id,
    email,
    input.name?.trim() ?? "",
    input.passwordHash,
  ]);
  for (const grant of input.grants) await putGrant(tx, id, grant);
  await appendAudit(tx, [{ actor, action: "user.create", target: email, detail: { id, grants: input.grants } }]);
  return { id, email };
}

export async function findSignInAccount(sql: Query, email: string): Promise<SignInAccount | null> {
  const [row] = await sql.query<{
    id: string;
    email: string;
    password_hash: string | null;
    session_version: number;
    disabled_at: Date | null;
  }>(`SELECT id, email, password_hash, session_version, disabled_at FROM "app_user" WHERE email = $1`, [normalEmail(email)]);
  if (row === undefined) return null;
  return {
    id: row.id,
    email: row.email,
    passwordHash: row.password_hash,
    sessionVersion: row.session_version,
    disabled: row.disabled_at !== null,
  };
}

/** Records a successful sign-in (audited: who came in, when, from where). */
export async function recordSignIn(sql: SqlRunner, account: { id: string; email: string }, detail: Record<string, unknown>): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query(`UPDATE "app_user" SET last_sign_in_at = CURRENT_TIMESTAMP WHERE id = $1`, [account.id]);
    await appendAudit(tx, [{ actor: `user:${account.email}`, action: "user.sign-in", target: account.email, detail }]);
  });
}

/**
 * The actor a session stands for, read fresh on every request so a revoked grant or a disabled
 * account takes effect at once; null when the account is gone, disabled, or its sessions were
 * ended since this one began (`sessionVersion`).
 */
export async function sessionActor(sql: Query, userId: string, sessionVersion: number): Promise<Actor | null> {
  const rows = await sql.query<{ email: string; name: string; role: string | null; scope: string | null }>(
    `SELECT u.email, u.name, g.role, g.scope
       FROM "app_user" u LEFT JOIN "role_grant" g ON g.user_id = u.id
      WHERE u.id = $1 AND u.disabled_at IS NULL AND u.session_version = $2
      ORDER BY g.scope`,
    [userId, sessionVersion],
  );
  const [first] = rows;
  if (first === undefined) return null;
  const grants = rows.flatMap((r) => (r.role !== null && r.scope !== null && isUserRole(r.role) ? [{ role: r.role, scope: r.scope }] : []));
  return { kind: "user", userId, email: first.email, name: first.name, grants };
}

/** Gives `email` the role on `scope` (replacing the role it had there). */
export async function grantRole(sql: SqlRunner, email: string, grant: { role: UserRole; scope: string }, actor: string): Promise<void> {
  await sql.transaction(async (tx) => {
    const id = await userId(tx, email);
    await putGrant(tx, id, grant);
    await appendAudit(tx, [{ actor, action: "user.grant", target: normalEmail(email), detail: { ...grant } }]);
  });
}

export async function revokeGrant(sql: SqlRunner, email: string, scope: string, actor: string): Promise<void> {
  await sql.transaction(async (tx) => {
    const id = await userId(tx, email);
    const removed = await tx.query(`DELETE FROM "role_grant" WHERE user_id = $1 AND scope = $2 RETURNING role`, [id, scope]);
    if (removed.length === 0)
      throw new AppError("not_found", `${normalEmail(email)} has no role on "${scope === "" ? "(the whole model)" : scope}"`);
    await appendAudit(tx, [{ actor, action: "user.revoke", target: normalEmail(email), detail: { scope } }]);
  });
}

/** Sets a new password hash and ends every session of the account. */
export async function setPasswordHash(sql: SqlRunner, email: string, passwordHash: string, actor: string): Promise<void> {
  await changeAccount(sql, email, actor, "user.password", `password_hash = $2, session_version = session_version + 1`, [passwordHash]);
}

/** Disables (or enables) an account; disabling ends its sessions at their next request. */
export async function setDisabled(sql: SqlRunner, email: string, disabled: boolean, actor: string): Promise<void> {
  const assignment = disabled ? `disabled_at = CURRENT_TIMESTAMP, session_version = session_version + 1` : `disabled_at = NULL`;
  await changeAccount(sql, email, actor, disabled ? "user.disable" : "user.enable", assignment, []);
}

export async function listUsers(sql: Query): Promise<UserSummary[]> {
  const users = await sql.query<{
    id: string;
    email: string;
    name: string;
    has_password: boolean;
    created_at: Date;
    last_sign_in_at: Date | null;
    disabled_at: Date | null;
  }>(
    `SELECT id, email, name, password_hash IS NOT NULL AS has_password, created_at, last_sign_in_at, disabled_at
       FROM "app_user" ORDER BY email`,
  );
  const grants = await sql.query<{ user_id: string; role: string; scope: string }>(
    `SELECT user_id, role, scope FROM "role_grant" ORDER BY scope`,
  );
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    hasPassword: u.has_password,
    createdAt: new Date(u.created_at),
    lastSignInAt: u.last_sign_in_at === null ? null : new Date(u.last_sign_in_at),
    disabledAt: u.disabled_at === null ? null : new Date(u.disabled_at),
    grants: grants.flatMap((g) => (g.user_id === u.id && isUserRole(g.role) ? [{ role: g.role, scope: g.scope }] : [])),
  }));
}

async function changeAccount(
  sql: SqlRunner,
  email: string,
  actor: string,
  action: string,
  assignment: string,
  params: unknown[],
): Promise<void> {
  await sql.transaction(async (tx) => {
    const changed = await tx.query(`UPDATE "app_user" SET ${assignment} WHERE email = $1 RETURNING id`, [normalEmail(email), ...params]);
    if (changed.length === 0) throw noAccount(email);
    await appendAudit(tx, [{ actor, action, target: normalEmail(email), detail: {} }]);
  });
}

async function putGrant(tx: Query, userId: string, grant: { role: UserRole; scope: string }): Promise<void> {
  if (!isUserRole(grant.role))
    throw new AppError("validation_failed", `A person's role must be one of ${USER_ROLES.join(", ")}`, [
      { path: "role", message: "unknown role" },
    ]);
  if (grant.scope !== "") {
    const found = await tx.query(`SELECT 1 FROM "system" WHERE path = $1`, [grant.scope]);
    if (found.length === 0) {
      throw new AppError(
        "validation_failed",
        `There is no system at "${grant.scope}": a role's scope must name one ("" for the whole model)`,
        [{ path: "scope", message: "no such system" }],
      );
    }
  }
  await tx.query(
    `INSERT INTO "role_grant" (user_id, scope, role) VALUES ($1, $2, $3)
     ON CONFLICT (user_id, scope) DO UPDATE SET role = EXCLUDED.role, granted_at = CURRENT_TIMESTAMP`,
    [userId, grant.scope, grant.role],
  );
}

async function userId(tx: Query, email: string): Promise<string> {
  const [row] = await tx.query<{ id: string }>(`SELECT id FROM "app_user" WHERE email = $1`, [normalEmail(email)]);
  if (row === undefined) throw noAccount(email);
  return row.id;
}

function noAccount(email: string): AppError {
  return new AppError("not_found", `There is no account for ${normalEmail(email)}`);
}

function isUserRole(role: string): role is UserRole {
  return (USER_ROLES as readonly string[]).includes(role);
}

/** Emails are kept lower-cased: the same person whatever case they type. */
function normalEmail(email: string): string {
  return email.trim().toLowerCase();
}
