import type { ReactNode } from "react";

/** A page's title and what it shows; `aside` sits beside the title (the live-updates status). */
export function PageHeader({ title, children, aside }: { title: string; children?: ReactNode; aside?: ReactNode }) {
  return (
    <header className="mb-6">
      <div className="flex items-baseline gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {aside}
      </div>
      {children ? <p className="text-muted mt-1 max-w-3xl text-sm">{children}</p> : null}
    </header>
  );
}
