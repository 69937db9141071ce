"use client";

import { useActionState } from "react";
import { signInWithPassword, type SignInState } from "@/app/sign-in/actions";
import { Field, FormError, SUBMIT_CLASS } from "@/components/auth/auth-card";

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInWithPassword, { error: null, email: "" });
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="next" value={next} />
      <FormError message={state.error} />
      <Field label="Email" name="email" type="email" autoComplete="username" defaultValue={state.email} autoFocus />
      <Field label="Password" name="password" type="password" autoComplete="current-password" />
      <button type="submit" disabled={pending} className={SUBMIT_CLASS}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
