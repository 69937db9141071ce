import type { ReactNode } from "react";

/** What a panel shows when there is honestly nothing to show yet, and why. */
export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-line bg-surface rounded-lg border border-dashed p-8 text-center">
      <h2 className="text-base font-semibold">{title}</h2>
      <div className="text-muted mx-auto mt-2 max-w-xl space-y-2 text-sm">{children}</div>
    </section>
  );
}
