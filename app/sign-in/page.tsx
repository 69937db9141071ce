import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { signInWithOidc } from "@/app/sign-in/actions";
import { AuthCard, FormError } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { sessionActorOfRequest } from "@/lib/auth/current-actor";
import { safeNextPath } from "@/lib/auth/page-actor";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

/** What Auth.js' error redirects mean to the person at the form. */
const AUTH_ERRORS: Record<string, string> = {
  AccessDenied: "That identity has no account here, or its account is disabled. Ask an admin to add your email.",
  Configuration: "Sign-in is misconfigured on the server; the log says why.",
};

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const search = await searchParams;
  const next = safeNextPath(search.next);
  if ((await sessionActorOfRequest()).kind === "user") redirect(next);
  const env = getEnv();
  const oidc = env.AUTH_OIDC_ISSUER !== undefined;
  const error = typeof search.error === "string" ? (AUTH_ERRORS[search.error] ?? "Signing in failed; try again.") : null;
  return (
    <AuthCard title="Sign in">
      {search["signed-out"] !== undefined ? <p className="text-muted text-sm">You are signed out.</p> : null}
      <FormError message={error} />
      <SignInForm next={next} />
      {oidc ? (
        <form action={signInWithOidc}>
          <input type="hidden" name="next" value={next} />
          <button type="submit" className="border-line hover:bg-canvas w-full rounded-md border px-3 py-2 text-sm font-medium">
            Sign in with {env.AUTH_OIDC_NAME}
          </button>
        </form>
      ) : null}
      <p className="text-muted text-xs">
        No account? An admin creates one with <code className="font-mono">npm run user -- create</code>.
      </p>
    </AuthCard>
  );
}
