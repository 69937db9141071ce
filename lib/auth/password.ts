import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

/**
 * Passwords (docs/access.md): argon2id with OWASP's minimum (19 MiB, two passes, one lane), which
 * costs ~20–40 ms here — slow for a guesser, quick for one sign-in. Only the PHC string is kept.
 */
// The library's default algorithm is argon2id (its `Algorithm` is a const enum, which isolated
// modules cannot import); the test checks the PHC string says so.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Long enough to resist guessing; capped so a megabyte "password" cannot tie up the hasher. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

/** Why a chosen password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < PASSWORD_MIN) return `must be at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `must be at most ${PASSWORD_MAX} characters`;
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return "must not be the email address";
  if (new Set(password).size < 4) return "must use more than three different characters";
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** Never throws for a malformed stored hash: that is a failed sign-in, not a crash. */
export async function passwordMatches(stored: string, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * A hash of no one's password, verified when the email is unknown so that a wrong email costs as
 * long as a wrong password and timing does not tell which accounts exist.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(24).toString("base64url"));
  return decoy;
}

/** A password for `npm run user -- create` to print once: 24 base64url characters, 144 random bits. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}
