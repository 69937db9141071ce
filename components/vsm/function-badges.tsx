import { FUNCTION_KINDS, FUNCTION_LABELS, type FunctionKind } from "@/lib/vsm/model/kinds";

/** S2–S5 of one system: filled when present, struck through when missing. */
export function FunctionBadges({ functions }: { functions: Record<FunctionKind, boolean> }) {
  return (
    <ul className="flex gap-1" aria-label="Functions">
      {FUNCTION_KINDS.map((kind) => {
        const present = functions[kind];
        const label = FUNCTION_LABELS[kind];
        return (
          <li
            key={kind}
            title={`${label}: ${present ? "present" : "missing"}`}
            aria-label={`${label} ${present ? "present" : "missing"}`}
            className={`rounded px-1.5 py-0.5 font-mono text-[11px] font-semibold ${
              present ? "bg-present-soft text-present" : "bg-missing-soft text-missing line-through"
            }`}
          >
            {label.split(" ")[0]}
          </li>
        );
      })}
    </ul>
  );
}
