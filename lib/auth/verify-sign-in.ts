import "server-only";
import { decoyHash, passwordMatches, PASSWORD_MAX } from "@/lib/auth/password";
import type { SignInThrottle } from "@/lib/auth/sign-in-throttle";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { emailSchema, findSignInAccount, recordSignIn } from "@/lib/store/users";

export type SignInOutcome =
  | { ok: true; account: { id: string; email: string; sessionVersion: number } }
  | { ok: false; code: "invalid" }
  | { ok: false; code: "disabled" }
  | { ok: false; code: "throttled"; retryAfterSeconds: number };

/**
 * Checks an email and password (docs/access.md "Signing in"). A wrong email and a wrong password
 * get the same answer after the same work (a decoy hash is verified for unknown emails), so the
 * answer does not tell which accounts exist; a disabled account is named only to someone who knew
 * its password. Throttled attempts are refused before any hashing.
 */
export async function verifySignIn(
  deps: { sql: SqlRunner; throttle: SignInThrottle },
  input: { email?: unknown; password?: unknown },
  address: string,
): Promise<SignInOutcome> {
  const password = typeof input.password === "string" && input.password.length <= PASSWORD_MAX ? input.password : "";
  const parsed = emailSchema.safeParse(input.email);
  const email = parsed.success ? parsed.data : "";
  const wait = await deps.throttle.blockedFor(email, address);
  if (wait > 0) return { ok: false, code: "throttled", retryAfterSeconds: wait };
  const account = email === "" ? null : await findSignInAccount(deps.sql, email);
  const stored = account?.passwordHash ?? (await decoyHash());
  const matches = (await passwordMatches(stored, password)) && account !== null && account.passwordHash !== null && password !== "";
  if (!matches || account === null) {
    await deps.throttle.failed(email, address);
    return { ok: false, code: "invalid" };
  }
  if (account.disabled) return { ok: false, code: "disabled" };
  await deps.throttle.succeeded(email);
  await recordSignIn(deps.sql, account, { method: "password", address });
  return { ok: true, account: { id: account.id, email: account.email, sessionVersion: account.sessionVersion } };
}
