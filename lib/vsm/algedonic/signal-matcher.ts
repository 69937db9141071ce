import { MATCH_FIELDS, type Signal, type SignalMatcher } from "@/lib/vsm/algedonic/schemas";
import { isWithin } from "@/lib/vsm/model/path";

/** The fields silences and inhibition rules look at. */
export type Matchable = Pick<Signal, "unitPath" | "kind" | "valence" | "indicator" | "family" | "band">;

/** Whether a signal satisfies every field the matcher gives; an empty matcher matches everything. */
export function matchesSignal(matcher: SignalMatcher, signal: Matchable): boolean {
  if (matcher.unitPath !== undefined) {
    const inScope = matcher.scope === "subtree" ? isWithin(matcher.unitPath, signal.unitPath) : signal.unitPath === matcher.unitPath;
    if (!inScope) return false;
  }
  return MATCH_FIELDS.every((field) => matcher[field] === undefined || matcher[field] === signal[field]);
}
