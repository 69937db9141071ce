import type { Finding } from "@/lib/vsm/diagnosis/finding";
import type { Severity } from "@/lib/vsm/diagnosis/severity";

const SEVERITY_STYLE: Record<Severity, string> = {
  critical: "bg-missing text-white",
  warning: "bg-warn-soft text-warn",
  info: "bg-accent-soft text-accent",
};

/** Structural findings, most urgent first, each with where it belongs and how to fix it. */
export function FindingList({ findings, label }: { findings: Finding[]; label: string }) {
  return (
    <ul aria-label={label} className="space-y-2">
      {findings.map((finding, i) => (
        <li key={`${finding.rule}-${finding.path}-${finding.unit ?? ""}-${finding.function ?? finding.channel ?? i}`}>
          <article aria-label={finding.message} className="bg-surface border-line rounded-md border px-4 py-3">
            <div className="flex flex-wrap items-center gap-2 text-xs">
              <span className={`rounded px-1.5 py-0.5 font-semibold uppercase ${SEVERITY_STYLE[finding.severity]}`}>
                {finding.severity}
              </span>
              <span className="text-muted font-mono">{finding.path}</span>
              <span className="text-muted">level {finding.level}</span>
              <span className="text-muted font-mono">{finding.rule}</span>
            </div>
            <p className="mt-1 text-sm font-medium">{finding.message}</p>
            <p className="text-muted mt-0.5 text-sm">
              <span className="font-medium">Fix: </span>
              {finding.hint}
            </p>
          </article>
        </li>
      ))}
    </ul>
  );
}
