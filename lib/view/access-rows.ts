import { formatInstant } from "@/lib/view/variety-window";

/** An account as the store lists it (lib/store/users.ts), without anything secret. */
export interface AccountFacts {
  id: string;
  email: string;
  name: string;
  hasPassword: boolean;
  lastSignInAt: Date | null;
  disabledAt: Date | null;
  grants: readonly { role: string; scope: string }[];
}

/** An API key as the store lists it (lib/store/api-keys.ts), without its secret's hash. */
export interface KeyFacts {
  id: string;
  name: string;
  role: string;
  scope: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Where a grant or key reaches, in words: "" is the whole model. */
export function scopeWords(scope: string): string {
  return scope === "" ? "the whole model" : scope;
}

const when = (at: Date | null, never: string) => (at === null ? never : formatInstant(at.getTime()));

/** One account as the Admin page lists it; no hash, no secret — the summary holds none. */
export function accountRow(user: AccountFacts) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.grants.length === 0 ? "no role yet" : user.grants.map((g) => `${g.role} of ${scopeWords(g.scope)}`).join(", "),
    signIn: user.hasPassword ? "password" : "single sign-on only",
    lastSignIn: when(user.lastSignInAt, "never"),
    status: user.disabledAt === null ? "enabled" : `disabled ${formatInstant(user.disabledAt.getTime())}`,
  };
}

/** One API key as the Admin page lists it: its id (the public part of its token), never its secret. */
export function keyRow(key: KeyFacts) {
  return {
    id: key.id,
    name: key.name,
    role: key.role,
    scope: scopeWords(key.scope),
    created: when(key.createdAt, "—"),
    lastUsed: when(key.lastUsedAt, "never"),
    status: key.revokedAt === null ? "active" : `revoked ${formatInstant(key.revokedAt.getTime())}`,
  };
}
