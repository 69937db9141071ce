import "server-only";
import type { Env } from "@/lib/env";
import type { Database } from "@/lib/store/database";
import { FIRST_ADMIN_LINK_TTL_MS, issueFirstAdminToken } from "@/lib/store/sign-in-links";

/**
 * On a start with no account at all, prints a one-time link to create the first admin, as Jupyter
 * prints its token URL (docs/access.md "First start"). Written to the terminal, not to the
 * structured log, so it does not travel on to wherever logs are shipped. Returns the link, or null
 * when accounts exist.
 */
export async function announceFirstAdminLink(
  db: Pick<Database, "sql">,
  env: Pick<Env, "PORT" | "AUTH_URL">,
  now: number,
  print: (text: string) => void = (text) => console.log(text),
): Promise<string | null> {
  const token = await issueFirstAdminToken(db.sql, now);
  if (token === null) return null;
  const base = (env.AUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
  const link = `${base}/first-admin?token=${token}`;
  const rule = "─".repeat(72);
  print(
    [
      rule,
      "No account exists yet. Open this link to create the first admin:",
      "",
      `    ${link}`,
      "",
      `It works once, for ${FIRST_ADMIN_LINK_TTL_MS / 3_600_000} hours; each start prints a new one until an account exists.`,
      "Or create one here: npm run user -- create --admin EMAIL",
      rule,
    ].join("\n"),
  );
  return link;
}
