import Link from "next/link";
import { WINDOW_CHOICES, type WindowChoice } from "@/lib/view/variety-window";

/** The window as links in the URL (`?window=`), so a view can be shared and reloaded. */
export function WindowChoices({ current }: { current: WindowChoice }) {
  return (
    <nav aria-label="Window" className="mb-4 flex flex-wrap items-center gap-1 text-sm">
      <span className="text-muted mr-1">Window:</span>
      {(Object.keys(WINDOW_CHOICES) as WindowChoice[]).map((choice) => (
        <Link
          key={choice}
          href={`/variety?window=${choice}`}
          aria-current={choice === current ? "page" : undefined}
          className={`rounded-md px-2.5 py-1 font-medium ${
            choice === current ? "bg-accent-soft text-accent" : "text-muted hover:bg-surface hover:text-ink"
          }`}
        >
          {WINDOW_CHOICES[choice].label}
        </Link>
      ))}
    </nav>
  );
}
