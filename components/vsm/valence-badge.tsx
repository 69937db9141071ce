import type { Band, Valence } from "@/lib/vsm/types";

/** Pain or pleasure, with the band when it is worse than normal; words as well as colour, so it reads without colour. */
export function ValenceBadge({ valence, band }: { valence: Valence; band: Band }) {
  const tone =
    valence === "pleasure" ? "bg-present-soft text-present" : band === "crisis" ? "bg-missing text-white" : "bg-missing-soft text-missing";
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${tone}`}>
      {valence}
      {band === "normal" ? "" : ` · ${band}`}
    </span>
  );
}
