"use server";

import { AuthError } from "next-auth";
import { signIn, signOut, SignInRefused } from "@/auth";
import { safeNextPath } from "@/lib/auth/page-actor";

export interface SignInState {
  error: string | null;
  email: string;
}

/**
 * The sign-in form's action: Auth.js checks the password (lib/auth/verify-sign-in.ts) and sets the
 * session cookie, then the browser goes back to the page it came from. A refusal is returned as a
 * sentence for the form; Auth.js' redirect on success is thrown and must pass through.
 */
export async function signInWithPassword(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "");
  try {
    await signIn("credentials", { email, password: String(form.get("password") ?? ""), redirectTo: safeNextPath(form.get("next")) });
  } catch (error) {
    if (error instanceof SignInRefused) return { email, error: refusalText(error) };
    if (error instanceof AuthError) return { email, error: "Signing in failed; try again." };
    throw error;
  }
  return { email, error: null };
}

/** Sign-in through the configured OpenID Connect provider. */
export async function signInWithOidc(form: FormData): Promise<void> {
  await signIn("oidc", { redirectTo: safeNextPath(form.get("next")) });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in?signed-out=1" });
}

function refusalText(error: SignInRefused): string {
  switch (error.code) {
    case "throttled":
      return `Too many failed attempts. Wait ${Math.ceil(error.retryAfterSeconds / 60)} minute(s) and try again.`;
    case "disabled":
      return "This account is disabled. Ask an admin to enable it.";
    default:
      return "That email and password do not match an account.";
  }
}
