import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * API key tokens: `vsm_<id>_<secret>`, a public 16-hex-digit id (the row to look up) and a random
 * 256-bit secret (43 base64url characters). Only a hash of the secret is stored. A secret of 256
 * random bits cannot be guessed, so a slow password hash would add nothing but a cap on ingest:
 * one HMAC-SHA-256, keyed by the id so a hash copied onto another key's row does not verify,
 * costs about a microsecond (docs/design.md §8, docs/telemetry-in.md "API keys").
 */
const TOKEN = /^vsm_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface KeyToken {
  id: string;
  secret: string;
}

export function newKeyToken(): KeyToken & { token: string } {
  const id = randomBytes(8).toString("hex");
  const secret = randomBytes(32).toString("base64url");
  return { id, secret, token: `vsm_${id}_${secret}` };
}

/** The token's parts, or null when the text cannot be a key at all (a typo, another system's token). */
export function parseKeyToken(text: string): KeyToken | null {
  const match = TOKEN.exec(text);
  return match === null ? null : { id: match[1]!, secret: match[2]! };
}

export function hashSecret(id: string, secret: string): Uint8Array {
  return new Uint8Array(createHmac("sha256", id).update(secret).digest());
}

/** Compares in constant time, so response timing says nothing about how much of a secret was right. */
export function secretMatches(token: KeyToken, storedHash: Uint8Array): boolean {
  const hash = hashSecret(token.id, token.secret);
  return storedHash.byteLength === hash.byteLength && timingSafeEqual(hash, storedHash);
}
