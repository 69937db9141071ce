import "server-only";
import type { Role } from "@/lib/auth/actor";
import { hashSecret, newKeyToken } from "@/lib/auth/api-key-token";
import { appendAudit } from "@/lib/store/audit-events";
import type { SqlRunner } from "@/lib/store/sql-runner";

/** A stored key as the resolver needs it. */
export interface ApiKeyRow {
  id: string;
  name: string;
  role: Role;
  scope: string;
  secretHash: Uint8Array;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export type ApiKeySummary = Omit<ApiKeyRow, "secretHash">;

/** `last_used_at` is written at most once a minute per key, so a busy sender does not turn every request into an UPDATE. */
const LAST_USED_RESOLUTION_MS = 60_000;

export class ApiKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ApiKeyError";
  }
}

/**
 * Creates a key for `scope` (a system that must exist; `""` is the whole model) and returns its
 * token — the only time the secret exists outside the caller's hands. Audited in the same transaction.
 */
export async function createApiKey(
  sql: SqlRunner,
  input: { name: string; role: Role; scope: string },
  actor: string,
): Promise<{ id: string; token: string }> {
  const { id, secret, token } = newKeyToken();
  await sql.transaction(async (tx) => {
    if (input.scope !== "") {
      const found = await tx.query(`SELECT 1 FROM "system" WHERE path = $1`, [input.scope]);
      if (found.length === 0)
        throw new ApiKeyError(`There is no system at "${input.scope}": a key's scope must name one (or "" for the whole model)`);
    }
    await tx.query(`INSERT INTO "api_key" (id, name, role, scope, secret_hash) VALUES ($1, $2, $3, $4, $5)`, [
      id,
      input.name,
      input.role,
      input.scope,
      hashSecret(id, secret),
    ]);
    await appendAudit(tx, [
      { actor, action: "key.create", target: id, detail: { name: input.name, role: input.role, scope: input.scope } },
    ]);
  });
  return { id, token };
}

/** Revokes a key: every later request with it answers 401. Revoking twice is refused, so a typo'd id is noticed. */
export async function revokeApiKey(sql: SqlRunner, id: string, actor: string): Promise<ApiKeySummary> {
  return sql.transaction(async (tx) => {
    const [row] = await tx.query<RawKey>(
      `UPDATE "api_key" SET revoked_at = CURRENT_TIMESTAMP WHERE id = $1 AND revoked_at IS NULL RETURNING ${COLUMNS}`,
      [id],
    );
    if (row === undefined) {
      const exists = await tx.query<RawKey>(`SELECT ${COLUMNS} FROM "api_key" WHERE id = $1`, [id]);
      throw new ApiKeyError(exists.length === 0 ? `There is no API key with id ${id}` : `The API key ${id} is already revoked`);
    }
    await appendAudit(tx, [{ actor, action: "key.revoke", target: id, detail: { name: row.name } }]);
    return summary(toRow(row));
  });
}

export async function listApiKeys(sql: Pick<SqlRunner, "query">): Promise<ApiKeySummary[]> {
  const rows = await sql.query<RawKey>(`SELECT ${COLUMNS} FROM "api_key" ORDER BY created_at, id`);
  return rows.map((r) => summary(toRow(r)));
}

export async function findApiKey(sql: Pick<SqlRunner, "query">, id: string): Promise<ApiKeyRow | null> {
  const [row] = await sql.query<RawKey>(`SELECT ${COLUMNS} FROM "api_key" WHERE id = $1`, [id]);
  return row === undefined ? null : toRow(row);
}

/** Records that the key was used now, unless that was already recorded within the last minute. */
export async function touchApiKey(sql: Pick<SqlRunner, "query">, key: ApiKeyRow, now: number): Promise<void> {
  if (key.lastUsedAt !== null && now - key.lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
  await sql.query(
    `UPDATE "api_key" SET last_used_at = to_timestamp($2::float8 / 1000)
      WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < to_timestamp($2::float8 / 1000) - interval '1 minute')`,
    [key.id, now],
  );
}

const COLUMNS = `id, name, role, scope, secret_hash, created_at, last_used_at, revoked_at`;

interface RawKey extends Record<string, unknown> {
  id: string;
  name: string;
  role: Role;
  scope: string;
  secret_hash: Uint8Array;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

function toRow(r: RawKey): ApiKeyRow {
  return {
    id: r.id,
    name: r.name,
    role: r.role,
    scope: r.scope,
    // pg gives a Buffer, PGlite a Uint8Array: both are Uint8Arrays.
    secretHash: new Uint8Array(r.secret_hash),
    createdAt: new Date(r.created_at),
    lastUsedAt: r.last_used_at === null ? null : new Date(r.last_used_at),
    revokedAt: r.revoked_at === null ? null : new Date(r.revoked_at),
  };
}

function summary({ secretHash: _hidden, ...rest }: ApiKeyRow): ApiKeySummary {
  return rest;
}
