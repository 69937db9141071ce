import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The key that signs session cookies: AUTH_SECRET when set; otherwise one made on first use and
 * kept in `<VSM_DATA_DIR>/auth-secret` (readable by its owner only), so a fresh clone signs in
 * without configuration and sessions survive a restart. Instances that share a database but not a
 * folder (containers, Vercel) must be given one AUTH_SECRET, or each would refuse the others'
 * cookies; docs/access.md says so.
 */
export function authSecret(env: { AUTH_SECRET?: string; VSM_DATA_DIR: string }): string {
  if (env.AUTH_SECRET !== undefined) return env.AUTH_SECRET;
  const file = path.join(env.VSM_DATA_DIR, "auth-secret");
  try {
    return keptSecret(file, env.VSM_DATA_DIR);
  } catch (error) {
    throw new Error(`Cannot keep a session key in ${file} (${(error as Error).message}): set AUTH_SECRET instead`);
  }
}

function keptSecret(file: string, dir: string): string {
  try {
    return readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const secret = randomBytes(33).toString("base64url");
  mkdirSync(dir, { recursive: true });
  try {
    // "wx": if another process wrote it first, keep theirs.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(file, "utf8").trim();
    throw error;
  }
}
