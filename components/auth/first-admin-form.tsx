"use client";

import { useActionState } from "react";
import { createFirstAdmin, type FirstAdminState } from "@/app/first-admin/actions";
import { Field, FormError, SUBMIT_CLASS } from "@/components/auth/auth-card";

export function FirstAdminForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<FirstAdminState, FormData>(createFirstAdmin, { error: null, email: "", name: "" });
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormError message={state.error} />
      <Field label="Email" name="email" type="email" autoComplete="username" defaultValue={state.email} autoFocus />
      <Field label="Name" name="name" type="text" autoComplete="name" defaultValue={state.name} />
      <Field label="Password (12 characters or more)" name="password" type="password" autoComplete="new-password" />
      <Field label="Password again" name="confirm" type="password" autoComplete="new-password" />
      <button type="submit" disabled={pending} className={SUBMIT_CLASS}>
        {pending ? "Creating…" : "Create the admin account"}
      </button>
    </form>
  );
}
