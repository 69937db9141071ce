import "server-only";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { findSignInAccount } from "@/lib/store/users";

/**
 * The account an OpenID Connect identity signs in as: the enabled account whose email the provider
 * vouches for (`email_verified` not false). Nobody gets an account by signing in: an admin creates
 * it first (docs/access.md "OIDC"), and roles come from the console's grants, never the provider.
 */
export async function oidcAccount(
  sql: Pick<SqlRunner, "query">,
  profile: { email?: string | null; email_verified?: unknown } | undefined,
): Promise<{ id: string; email: string; sessionVersion: number } | null> {
  const email = typeof profile?.email === "string" ? profile.email : "";
  if (email === "" || profile?.email_verified === false) return null;
  const account = await findSignInAccount(sql, email);
  if (account === null || account.disabled) return null;
  return { id: account.id, email: account.email, sessionVersion: account.sessionVersion };
}
