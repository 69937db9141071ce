import type { Signal, Silence } from "@/lib/vsm/algedonic/schemas";
import { signalAsOf } from "@/lib/vsm/algedonic/state-at";
import { signalVisibility } from "@/lib/vsm/algedonic/visible-signals";
import { ancestorPaths } from "@/lib/vsm/model/path";
import type { TimeWindow } from "@/lib/vsm/time-window";
import type { Millis } from "@/lib/vsm/types";

/** Whether inhibition or a silence hid a signal, as the Signals page would have said then. */
export interface WindowVisibility {
  inhibited: boolean;
  silenced: boolean;
}

/**
 * A signal is judged at the end of the window, or when it closed if that was earlier: the moment
 * the window last saw it. Its possible inhibitors are the signals at units above it, each in the
 * state its timeline gives for that moment.
 */
export function judgedAt(signal: Signal, window: TimeWindow): Millis {
  return Math.min(window.to, signal.closedAt ?? window.to);
}

/**
 * The visibility overlay of the Signals page (lib/vsm/algedonic/visible-signals.ts) for each
 * target, at its own moment: the same rules, silences and inhibition, only judged in the past.
 * `all` holds every signal that may inhibit a target; only those above it are looked at.
 */
export function windowVisibility(
  targets: readonly Signal[],
  all: readonly Signal[],
  silences: readonly Silence[],
  window: TimeWindow,
): Map<string, WindowVisibility> {
  const byUnit = new Map<string, Signal[]>();
  for (const signal of all) {
    const list = byUnit.get(signal.unitPath);
    if (list) list.push(signal);
    else byUnit.set(signal.unitPath, [signal]);
  }
  const verdicts = new Map<string, WindowVisibility>();
  for (const target of targets) {
    const at = judgedAt(target, window);
    const above = ancestorPaths(target.unitPath).flatMap((path) => byUnit.get(path) ?? []);
    const asOf = above.flatMap((signal) => signalAsOf(signal, at) ?? []);
    const [view] = signalVisibility([target, ...asOf], silences, at);
    verdicts.set(target.id, { inhibited: view!.inhibitedBy.length > 0, silenced: view!.silencedBy.length > 0 });
  }
  return verdicts;
}
