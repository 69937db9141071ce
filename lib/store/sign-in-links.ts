import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";
import { appendAudit } from "@/lib/store/audit-events";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { insertUser } from "@/lib/store/users";

/**
 * The first admin's one-time link (docs/access.md "First start"): on a database with no account,
 * the console prints a link, as Jupyter prints its token URL; whoever opens it chooses the first
 * admin's email and password. Only a SHA-256 of the token is stored; a new link replaces any
 * earlier unused one; the link stops working once used, once it expires, or once any account
 * exists.
 */
export const FIRST_ADMIN = "first-admin";

/** Long enough to set up an account after a restart, short enough that a stale printout goes dead. */
export const FIRST_ADMIN_LINK_TTL_MS = 24 * 3_600_000;

/** A new first-admin token, or null when accounts exist already (then there is nothing to bootstrap). */
export async function issueFirstAdminToken(sql: SqlRunner, now: number): Promise<string | null> {
  return sql.transaction(async (tx) => {
    // One at a time, so two instances starting together do not both decide there is no account.
    await tx.query(`LOCK TABLE "sign_in_link" IN EXCLUSIVE MODE`);
    const [users] = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM "app_user"`);
    if ((users?.n ?? 0) > 0) return null;
    const token = randomBytes(32).toString("base64url");
    await tx.query(`DELETE FROM "sign_in_link" WHERE purpose = $1 AND used_at IS NULL`, [FIRST_ADMIN]);
    await tx.query(
      `INSERT INTO "sign_in_link" (id, purpose, token_hash, expires_at) VALUES ($1, $2, $3, to_timestamp($4::float8 / 1000))`,
      [randomBytes(8).toString("hex"), FIRST_ADMIN, tokenHash(token), now + FIRST_ADMIN_LINK_TTL_MS],
    );
    return token;
  });
}

/** Whether `token` would still let someone create the first admin (for the page, before the form is filled in). */
export async function firstAdminTokenUsable(sql: Pick<SqlRunner, "query">, token: string, now: number): Promise<boolean> {
  const rows = await sql.query(
    `SELECT 1 FROM "sign_in_link"
      WHERE purpose = $1 AND token_hash = $2 AND used_at IS NULL AND expires_at > to_timestamp($3::float8 / 1000)
        AND NOT EXISTS (SELECT 1 FROM "app_user")`,
    [FIRST_ADMIN, tokenHash(token), now],
  );
  return rows.length > 0;
}

/**
 * Spends the token on the first admin: an account with the admin role on the whole model, made in
 * the same transaction that marks the link used, so a link makes at most one account.
 */
export async function redeemFirstAdminToken(
  sql: SqlRunner,
  token: string,
  account: { email: string; name: string; passwordHash: string },
  now: number,
): Promise<{ id: string; email: string }> {
  return sql.transaction(async (tx) => {
    await tx.query(`LOCK TABLE "sign_in_link" IN EXCLUSIVE MODE`);
    const spent = await tx.query<{ id: string }>(
      `UPDATE "sign_in_link" SET used_at = to_timestamp($3::float8 / 1000)
        WHERE purpose = $1 AND token_hash = $2 AND used_at IS NULL AND expires_at > to_timestamp($3::float8 / 1000)
          AND NOT EXISTS (SELECT 1 FROM "app_user")
        RETURNING id`,
      [FIRST_ADMIN, tokenHash(token), now],
    );
    if (spent.length === 0) {
      throw new AppError("forbidden", "This first-admin link is used, expired or replaced, or accounts exist already: sign in instead");
    }
    const user = await insertUser(tx, { ...account, grants: [{ role: "admin", scope: "" }] }, "first-admin-link");
    await appendAudit(tx, [
      { actor: `user:${user.email}`, action: "user.first-admin", target: user.email, detail: { link: spent[0]!.id } },
    ]);
    return user;
  });
}

function tokenHash(token: string): Uint8Array {
  return new Uint8Array(createHash("sha256").update(token).digest());
}
