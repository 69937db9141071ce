import { DEFAULT_INHIBITION_RULES, type InhibitionRule, type Signal } from "@/lib/vsm/algedonic/schemas";
import { matchesSignal } from "@/lib/vsm/algedonic/signal-matcher";
import { isRunning } from "@/lib/vsm/algedonic/signal-states";
import { ancestorPaths } from "@/lib/vsm/model/path";

/**
 * Active signals by unit path. Only a running signal inhibits: a provisional one may yet be
 * retracted, and a closed one no longer explains anything below it.
 */
export function indexInhibitors(signals: readonly Signal[]): Map<string, Signal[]> {
  const byUnit = new Map<string, Signal[]>();
  for (const signal of signals) {
    if (!isRunning(signal.state)) continue;
    const list = byUnit.get(signal.unitPath);
    if (list) list.push(signal);
    else byUnit.set(signal.unitPath, [signal]);
  }
  return byUnit;
}

function inhibits(rule: InhibitionRule, source: Signal, target: Signal): boolean {
  return (
    matchesSignal(rule.source, source) &&
    matchesSignal(rule.target, target) &&
    rule.equal.every((field) => source[field] !== null && source[field] === target[field])
  );
}

/**
 * The signals of containing systems that inhibit this one: the trouble is already being handled
 * higher up, so the descendant's matching signal would only add noise. Walks the target's
 * ancestors rather than every pair, so a console of thousands of signals stays linear.
 */
export function inhibitorsOf(
  target: Signal,
  index: ReadonlyMap<string, readonly Signal[]>,
  rules: readonly InhibitionRule[] = DEFAULT_INHIBITION_RULES,
): string[] {
  return ancestorPaths(target.unitPath).flatMap((path) =>
    (index.get(path) ?? []).filter((source) => rules.some((rule) => inhibits(rule, source, target))).map((source) => source.id),
  );
}

/** Whether any signal among `signals` inhibits `target`. */
export function isInhibited(
  target: Signal,
  signals: readonly Signal[],
  rules: readonly InhibitionRule[] = DEFAULT_INHIBITION_RULES,
): boolean {
  return inhibitorsOf(target, indexInhibitors(signals), rules).length > 0;
}
