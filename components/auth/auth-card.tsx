import type { ReactNode } from "react";

/** The centred card the sign-in and first-admin pages sit in, outside the console's frame. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <section className="border-line bg-surface w-full max-w-sm rounded-lg border p-8 shadow-sm">
        <p className="text-base font-semibold tracking-tight">
          VSM Console
          <span className="text-muted block text-xs font-normal">Viable System Model</span>
        </p>
        <h1 className="mt-6 text-xl font-semibold">{title}</h1>
        <div className="mt-4 space-y-4">{children}</div>
      </section>
    </main>
  );
}

/** A labelled input as both auth forms use them. */
export function Field(props: {
  label: string;
  name: string;
  type: string;
  autoComplete: string;
  defaultValue?: string;
  autoFocus?: boolean;
}) {
  return (
    <label className="block text-sm font-medium">
      {props.label}
      <input
        name={props.name}
        type={props.type}
        autoComplete={props.autoComplete}
        defaultValue={props.defaultValue}
        autoFocus={props.autoFocus}
        required
        className="border-line focus:border-accent mt-1 block w-full rounded-md border px-3 py-2 text-sm outline-none"
      />
    </label>
  );
}

export function FormError({ message }: { message: string | null }) {
  return message === null ? null : (
    <p role="alert" className="bg-missing-soft text-missing rounded-md px-3 py-2 text-sm">
      {message}
    </p>
  );
}

export const SUBMIT_CLASS = "bg-accent w-full rounded-md px-3 py-2 text-sm font-semibold text-white hover:opacity-90 disabled:opacity-60";
