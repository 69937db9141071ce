import { indexInhibitors, inhibitorsOf } from "@/lib/vsm/algedonic/inhibit-signals";
import { DEFAULT_INHIBITION_RULES, type InhibitionRule, type Signal, type Silence } from "@/lib/vsm/algedonic/schemas";
import { silencesOf } from "@/lib/vsm/algedonic/silence-signals";
import type { Millis } from "@/lib/vsm/types";

/** A signal as the console shows it: the data untouched, with the overlay that decides visibility. */
export interface SignalView {
  signal: Signal;
  silencedBy: string[];
  inhibitedBy: string[];
  hidden: boolean;
  /** How many of the given signals this one hides by inhibition, shown in its place. */
  inhibits: number;
}

/**
 * The visibility overlay of docs/design.md §3.3, computed at `now` and never stored on the signal:
 * silences and inhibition hide, they do not change state, so the same signals with no silences
 * show everything.
 */
export function signalVisibility(
  signals: readonly Signal[],
  silences: readonly Silence[],
  now: Millis,
  rules: readonly InhibitionRule[] = DEFAULT_INHIBITION_RULES,
): SignalView[] {
  const index = indexInhibitors(signals);
  const counts = new Map<string, number>();
  const views = signals.map((signal) => {
    const inhibitedBy = inhibitorsOf(signal, index, rules);
    for (const id of inhibitedBy) counts.set(id, (counts.get(id) ?? 0) + 1);
    const silencedBy = silencesOf(signal, silences, now);
    return { signal, silencedBy, inhibitedBy, hidden: silencedBy.length > 0 || inhibitedBy.length > 0, inhibits: 0 };
  });
  return views.map((view) => ({ ...view, inhibits: counts.get(view.signal.id) ?? 0 }));
}

/** The signals an operator sees at `now`. */
export function visibleSignals(
  signals: readonly Signal[],
  silences: readonly Silence[],
  now: Millis,
  rules: readonly InhibitionRule[] = DEFAULT_INHIBITION_RULES,
): SignalView[] {
  return signalVisibility(signals, silences, now, rules).filter((view) => !view.hidden);
}
