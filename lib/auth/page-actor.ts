import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { sessionActorOfRequest } from "@/lib/auth/current-actor";
import { scopesWith, type Permission } from "@/lib/auth/permissions";

export type SignedIn = Extract<Actor, { kind: "user" }>;

/**
 * The signed-in person a page is for (STYLE rule 2: pages authorize first). Nobody signed in:
 * off to the sign-in page, which sends them back here afterwards. `scopes` are the subtrees where
 * they hold `permission`: what the page may show (empty: nowhere, and the page says so).
 */
export async function requirePageActor(permission: Permission = "read"): Promise<{ actor: SignedIn; scopes: string[] }> {
  const actor = await sessionActorOfRequest();
  if (actor.kind !== "user") {
    const back = (await headers()).get("x-vsm-page") ?? "/";
    redirect(`/sign-in?next=${encodeURIComponent(back)}`);
  }
  return { actor, scopes: scopesWith(actor, permission) };
}

/** A local path to go back to after signing in; anything else (another site, `//host`) goes home. */
export function safeNextPath(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next;
}
