import { userInfo } from "node:os";
import type { Actor } from "@/lib/auth/actor";

/** How an actor is named in the audit trail: `key:<id>`, `user:<email>`, `anonymous`, or for commands run on the server `cli:<user>`. */
export function auditActor(actor: Actor): string {
  if (actor.kind === "api_key") return `key:${actor.keyId}`;
  if (actor.kind === "user") return `user:${actor.email}`;
  return "anonymous";
}

export function cliActor(): string {
  let user: string;
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry for the uid (some containers): the uid still tells who it was.
    user = `uid ${process.getuid?.() ?? "unknown"}`;
  }
  return `cli:${user}`;
}
