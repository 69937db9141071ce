import type { ReactNode } from "react";
import { signOutAction } from "@/app/sign-in/actions";
import { NavLinks } from "@/components/shell/nav-links";

/** The frame of every console page: product name, navigation and who is signed in, beside the page's content. */
export function ConsoleShell({ account, children }: { account: { email: string; name: string }; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <nav
        aria-label="Main"
        className="border-line bg-surface flex flex-col border-b p-4 md:sticky md:top-0 md:h-screen md:w-56 md:shrink-0 md:border-r md:border-b-0"
      >
        <p className="mb-4 px-3 text-base font-semibold tracking-tight">
          VSM Console
          <span className="text-muted block text-xs font-normal">Viable System Model</span>
        </p>
        <NavLinks />
        <form action={signOutAction} className="border-line mt-4 border-t px-3 pt-4 md:mt-auto">
          <p className="truncate text-sm font-medium" title={account.email}>
            {account.name || account.email}
          </p>
          {account.name ? <p className="text-muted truncate text-xs">{account.email}</p> : null}
          <button type="submit" className="text-accent mt-2 text-sm hover:underline">
            Sign out
          </button>
        </form>
      </nav>
      <main className="flex-1 p-6 md:p-8">{children}</main>
    </div>
  );
}
