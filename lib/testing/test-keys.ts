import { createHash } from "node:crypto";
import { ROLES, type Role } from "@/lib/auth/actor";
import { hashSecret } from "@/lib/auth/api-key-token";
import type { SqlRunner } from "@/lib/store/sql-runner";

/**
 * Real API keys for tests, with tokens derived from their role and scope so that a test can name
 * one (`bearer("ingest", "acme/sales")`) without threading a freshly printed secret through every
 * call. They are stored exactly as `npm run key -- create` stores keys and checked by the real
 * resolver; only the randomness is replaced.
 */
export function testToken(role: Role, scope: string): { id: string; secret: string; token: string } {
  const id = createHash("sha256").update(`id|${role}|${scope}`).digest("hex").slice(0, 16);
  const secret = createHash("sha256").update(`secret|${role}|${scope}`).digest("base64url").slice(0, 43);
  return { id, secret, token: `vsm_${id}_${secret}` };
}

export async function insertTestKeys(sql: Pick<SqlRunner, "query">, scopes: readonly string[]): Promise<void> {
  const keys = ROLES.flatMap((role) => scopes.map((scope) => ({ role, scope, ...testToken(role, scope) })));
  await sql.query(
    `INSERT INTO "api_key" (id, name, role, scope, secret_hash)
     SELECT id, 'test key', role, scope, decode(hash, 'hex') FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS k(id, role, scope, hash)`,
    [
      keys.map((k) => k.id),
      keys.map((k) => k.role),
      keys.map((k) => k.scope),
      keys.map((k) => Buffer.from(hashSecret(k.id, k.secret)).toString("hex")),
    ],
  );
}
