"use server";

import { revalidatePath } from "next/cache";
import { signalActions } from "@/lib/actions/signal-actions";
import type { ActionResult } from "@/lib/http/server-action";

/** The signal page's actions (lib/actions/signal-actions.ts) on the request's session; the page is refreshed after each. */
const actions = signalActions();

async function thenRefresh(result: Promise<ActionResult>, form: FormData): Promise<ActionResult> {
  const outcome = await result;
  if (outcome.ok) revalidatePath(`/signals/${encodeURIComponent(String(form.get("signalId")))}`);
  return outcome;
}

export async function acknowledgeAction(previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return thenRefresh(actions.acknowledge(previous, form), form);
}
export async function resolveAction(previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return thenRefresh(actions.resolve(previous, form), form);
}
export async function noteAction(previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return thenRefresh(actions.note(previous, form), form);
}
export async function silenceAction(previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return thenRefresh(actions.silence(previous, form), form);
}
