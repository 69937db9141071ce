import type { ReactNode } from "react";
import { NavLinks } from "@/components/shell/nav-links";

/** The frame of every console page: product name and navigation beside the page's content. */
export function ConsoleShell({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <nav
        aria-label="Main"
        className="border-line bg-surface border-b p-4 md:sticky md:top-0 md:h-screen md:w-56 md:shrink-0 md:border-r md:border-b-0"
      >
        <p className="mb-4 px-3 text-base font-semibold tracking-tight">
          VSM Console
          <span className="text-muted block text-xs font-normal">Viable System Model</span>
        </p>
        <NavLinks />
      </nav>
      <main className="flex-1 p-6 md:p-8">{children}</main>
    </div>
  );
}
