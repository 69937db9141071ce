import type { ReactNode } from "react";
import { ConsoleShell } from "@/components/shell/console-shell";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageActor } from "@/lib/auth/page-actor";

/**
 * Every console page is for a signed-in person; the frame names them and offers sign-out. A person
 * with no role anywhere yet is told so on every page, rather than shown a model that looks empty.
 */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const { actor, scopes } = await requirePageActor();
  return (
    <ConsoleShell account={{ email: actor.email, name: actor.name }}>
      {scopes.length > 0 ? (
        children
      ) : (
        <EmptyState title="No role yet">
          <p>
            You are signed in as {actor.email}, but no one has given this account a role on any part of the model, so there is nothing it
            may see. Ask an admin to grant you one, for example:
          </p>
          <pre className="bg-canvas overflow-x-auto rounded p-3 text-left font-mono text-xs whitespace-pre-wrap">{`npm run user -- grant ${actor.email} --role viewer --scope SYSTEM_PATH`}</pre>
        </EmptyState>
      )}
    </ConsoleShell>
  );
}
