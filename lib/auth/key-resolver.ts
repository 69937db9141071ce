import "server-only";
import { ANONYMOUS, type Actor, type ActorResolver } from "@/lib/auth/actor";
import { parseKeyToken, secretMatches } from "@/lib/auth/api-key-token";
import { AppError } from "@/lib/errors";
import { findApiKey, touchApiKey } from "@/lib/store/api-keys";
import type { SqlRunner } from "@/lib/store/sql-runner";

const INVALID = "The API key is not valid: send Authorization: Bearer vsm_<id>_<secret> with a key from `npm run key -- create`";

/**
 * Resolves `Authorization: Bearer <key>` against the stored keys: no header is anonymous (the
 * wrapper answers 401 where a key is needed); a header that is not a valid, unrevoked key is 401
 * straight away, so a typo'd key is never mistaken for "no key". Looked up on every request, so a
 * revocation from the CLI holds from the next request on, in every process.
 */
export function apiKeyResolver(sql: () => Promise<Pick<SqlRunner, "query">>, now: () => number = Date.now): ActorResolver {
  return {
    async resolve(request): Promise<Actor> {
      const header = request.headers.get("authorization");
      if (header === null) return ANONYMOUS;
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (match === null) throw new AppError("unauthorized", "Only Bearer credentials are accepted: send Authorization: Bearer <API key>");
      const token = parseKeyToken(match[1]!);
      if (token === null) throw new AppError("unauthorized", INVALID);
      const runner = await sql();
      const key = await findApiKey(runner, token.id);
      if (key === null || !secretMatches(token, key.secretHash)) throw new AppError("unauthorized", INVALID);
      if (key.revokedAt !== null) throw new AppError("unauthorized", `The API key ${key.id} was revoked on ${key.revokedAt.toISOString()}`);
      await touchApiKey(runner, key, now());
      return { kind: "api_key", keyId: key.id, role: key.role, scope: key.scope };
    },
  };
}
