import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authSecret } from "@/lib/auth/auth-secret";
import { clientAddress } from "@/lib/auth/client-address";
import { oidcAccount } from "@/lib/auth/oidc-account";
import { createSignInThrottle } from "@/lib/auth/sign-in-throttle";
import { verifySignIn } from "@/lib/auth/verify-sign-in";
import { getDatabase } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { recordSignIn } from "@/lib/store/users";

/**
 * Auth.js (docs/access.md): email and password, and an OpenID Connect provider when AUTH_OIDC_*
 * is set. Sessions are signed cookies (JWT) holding only the account id and its session version;
 * every request reads the account and its grants fresh (lib/auth/current-actor.ts), so a disabled
 * account, a changed password or a revoked role takes effect at once.
 */

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    userId?: string;
    sessionVersion?: number;
  }
}

/** Why a password sign-in was refused; the sign-in page words each code. */
export class SignInRefused extends CredentialsSignin {
  constructor(
    override readonly code: "invalid" | "disabled" | "throttled",
    readonly retryAfterSeconds = 0,
  ) {
    super();
  }
}

const throttle = createSignInThrottle();

function config(): NextAuthConfig {
  const env = getEnv();
  const oidc =
    env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET
      ? [
          {
            id: "oidc",
            name: env.AUTH_OIDC_NAME,
            type: "oidc" as const,
            issuer: env.AUTH_OIDC_ISSUER,
            clientId: env.AUTH_OIDC_ID,
            clientSecret: env.AUTH_OIDC_SECRET,
          },
        ]
      : [];
  return {
    secret: authSecret(env),
    // The console is reached under whatever host its operators use; Auth.js checks callback URLs against it.
    trustHost: true,
    session: { strategy: "jwt", maxAge: Math.round(env.VSM_SESSION_HOURS * 3600) },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    // Auth.js writes to the console, with a stack trace for every wrong password; route it to the
    // structured log instead, leaving out refusals the sign-in page already explains.
    logger: {
      error(error) {
        if (error instanceof CredentialsSignin || error.cause instanceof CredentialsSignin) return;
        log.error({ concern: "auth", err: error }, "sign-in error");
      },
      warn(code) {
        log.warn({ concern: "auth", code }, "Auth.js warning");
      },
      debug() {},
    },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(credentials, request) {
          const db = await getDatabase();
          const outcome = await verifySignIn({ sql: db.sql, throttle }, credentials, clientAddress(request.headers));
          if (!outcome.ok) throw new SignInRefused(outcome.code, outcome.code === "throttled" ? outcome.retryAfterSeconds : 0);
          return { id: outcome.account.id, email: outcome.account.email, sessionVersion: outcome.account.sessionVersion };
        },
      }),
      ...oidc,
    ],
    callbacks: {
      /** An OIDC identity signs in only as an existing, enabled account with the same verified email. */
      async signIn({ account, profile }) {
        if (account?.provider !== "oidc") return true;
        const db = await getDatabase();
        return (await oidcAccount(db.sql, profile)) !== null;
      },
      async jwt({ token, user, account, profile }) {
        if (account?.provider === "oidc") {
          const db = await getDatabase();
          const found = await oidcAccount(db.sql, profile);
          if (found) {
            await recordSignIn(db.sql, found, { method: "oidc" });
            Object.assign(token, { uid: found.id, sv: found.sessionVersion });
          }
        } else if (user?.id) {
          Object.assign(token, { uid: user.id, sv: user.sessionVersion });
        }
        return token;
      },
      session({ session, token }) {
        return {
          ...session,
          userId: typeof token.uid === "string" ? token.uid : undefined,
          sessionVersion: typeof token.sv === "number" ? token.sv : undefined,
        };
      },
    },
  };
}

// Built on first use, not at import (a build must not need the secret), and then kept: Auth.js
// calls this for every request, and the secret may come from a file.
let built: NextAuthConfig | undefined;
export const { handlers, auth, signIn, signOut } = NextAuth(() => (built ??= config()));
