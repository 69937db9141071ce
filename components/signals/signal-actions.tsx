"use client";

import { useActionState, type ReactNode } from "react";
import { acknowledgeAction, noteAction, resolveAction, silenceAction } from "@/app/(console)/signals/[id]/actions";
import type { ActionResult } from "@/lib/http/action-result";

type Action = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

const INPUT = "border-line focus:border-accent mt-1 block w-full rounded-md border px-2 py-1.5 text-sm outline-none";
const BUTTON = "bg-accent rounded-md px-3 py-1.5 text-sm font-semibold text-white hover:opacity-90 disabled:opacity-60";

/** The operator's four actions on a running signal, each its own small form with its own answer. */
export function SignalActions({ signalId }: { signalId: string }) {
  return (
    <section aria-label="Act on this signal" className="mb-6 grid gap-4 md:grid-cols-2">
      <ActionForm title="Acknowledge" action={acknowledgeAction} signalId={signalId} submit="Acknowledge">
        <Labelled label="Expected fixed within (minutes, optional)" name="etaMinutes" type="number" required={false} />
        <Labelled label="Note (optional)" name="note" required={false} />
      </ActionForm>
      <ActionForm title="Resolve" action={resolveAction} signalId={signalId} submit="Resolve">
        <label className="block text-sm">
          Resolution
          <select name="resolution" className={INPUT} defaultValue="fixed">
            <option value="fixed">Fixed</option>
            <option value="accepted-new-normal">Accepted as the new normal</option>
            <option value="false-alarm">False alarm</option>
          </select>
        </label>
        <Labelled label="Reason" name="reason" />
      </ActionForm>
      <ActionForm title="Note" action={noteAction} signalId={signalId} submit="Add note">
        <Labelled label="Note" name="text" />
      </ActionForm>
      <ActionForm title="Silence this unit" action={silenceAction} signalId={signalId} submit="Silence">
        <Labelled label="For (minutes)" name="minutes" type="number" defaultValue="60" />
        <Labelled label="Reason" name="reason" />
      </ActionForm>
    </section>
  );
}

function ActionForm(props: { title: string; action: Action; signalId: string; submit: string; children: ReactNode }) {
  const [result, formAction, pending] = useActionState<ActionResult | null, FormData>(props.action, null);
  return (
    <form action={formAction} aria-label={props.title} className="bg-surface border-line space-y-2 rounded-md border p-3">
      <h3 className="text-sm font-semibold">{props.title}</h3>
      <input type="hidden" name="signalId" value={props.signalId} />
      {props.children}
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className={BUTTON}>
          {pending ? "…" : props.submit}
        </button>
        {result ? (
          <p role="status" className={`text-sm ${result.ok ? "text-present" : "text-missing"}`}>
            {result.ok ? result.message : result.error}
          </p>
        ) : null}
      </div>
    </form>
  );
}

function Labelled(props: { label: string; name: string; type?: string; required?: boolean; defaultValue?: string }) {
  return (
    <label className="block text-sm">
      {props.label}
      <input
        name={props.name}
        type={props.type ?? "text"}
        required={props.required ?? true}
        defaultValue={props.defaultValue}
        className={INPUT}
      />
    </label>
  );
}
