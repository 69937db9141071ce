import type { ReactNode } from "react";
import { ConsoleShell } from "@/components/shell/console-shell";
import { requirePageActor } from "@/lib/auth/page-actor";

/** Every console page is for a signed-in person; the frame names them and offers sign-out. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const { actor } = await requirePageActor();
  return <ConsoleShell account={{ email: actor.email, name: actor.name }}>{children}</ConsoleShell>;
}
