import type { Signal } from "@/lib/vsm/algedonic/schemas";
import { disturbanceClass } from "@/lib/vsm/variety/disturbance";
import { accountLevels, type LevelAccount, type LevelFlow, type VarietyDevice } from "@/lib/vsm/variety/variety-flow";
import { formatBits } from "@/lib/view/system-variety";
import type { WindowVisibility } from "@/lib/view/window-visibility";

/**
 * Attenuation and amplification per recursion level (docs/variety.md): the stream of signals each
 * level held, through the devices that absorb or pass on its variety. A class is valence:kind ×
 * the unit that raised the signal, as for H(D).
 */

/** Raised at a unit of this level, or escalated to it: the level held the signal at some time. */
export function heldAt(signal: Signal, level: number): boolean {
  return signal.level === level || signal.timeline.some((entry) => entry.kind === "escalated" && entry.level === level);
}

function classOf(signal: Signal): string {
  return disturbanceClass({ at: signal.raisedAt, unit: signal.unitPath, kind: `${signal.valence}:${signal.kind}` });
}

/** One item per signal, or as many as `weight` says (its changes, before grouping folds them). */
function counts(signals: readonly Signal[], weight: (signal: Signal) => number = () => 1): Record<string, number> {
  const result: Record<string, number> = {};
  for (const signal of signals) {
    const key = classOf(signal);
    result[key] = (result[key] ?? 0) + weight(signal);
  }
  return result;
}

/**
 * The devices in order: the filter drops what it retracted unconfirmed; grouping makes one item of
 * a signal's changes; inhibition and silences drop what they hid; escalation lets out what the
 * level passed up to the one above (the root passes nothing up, so it has no such stage).
 */
export function levelFlow(signals: readonly Signal[], level: number, visibility: ReadonlyMap<string, WindowVisibility>): LevelFlow {
  const held = signals.filter((s) => heldAt(s, level));
  const confirmed = held.filter((s) => s.state !== "retracted");
  const uninhibited = confirmed.filter((s) => !visibility.get(s.id)?.inhibited);
  const unsilenced = uninhibited.filter((s) => !visibility.get(s.id)?.silenced);
  const changes = (s: Signal) => s.changes;
  return {
    level,
    in: counts(held, changes),
    stages: [
      { device: "filter", out: counts(confirmed, changes) },
      { device: "grouping", out: counts(confirmed) },
      { device: "inhibition", out: counts(uninhibited) },
      { device: "silence", out: counts(unsilenced) },
      ...(level === 0 ? [] : [{ device: "escalation" as const, out: counts(unsilenced.filter((s) => s.holderLevel < level)) }]),
    ],
  };
}

/** Every level from the root (0) to `deepest`, each with its account, root first. */
export function levelAccounts(
  signals: readonly Signal[],
  deepest: number,
  visibility: ReadonlyMap<string, WindowVisibility>,
): LevelAccount[] {
  return accountLevels(Array.from({ length: deepest + 1 }, (_, level) => levelFlow(signals, level, visibility)));
}

const DEVICE_WORDS: Record<VarietyDevice, string> = {
  filter: "Filter: drops changes retracted unconfirmed",
  grouping: "Grouping: one item per signal, not per change",
  inhibition: "Inhibition: drops signals a signal above hides",
  silence: "Silences: drops signals a silence hides",
  escalation: "Escalation: what passed up a level",
  routing: "Routing",
};

/** What a device does, in a table's row header. */
export function deviceWords(device: VarietyDevice): string {
  return DEVICE_WORDS[device];
}

/** Where variety goes: absorbed (positive) or amplified (negative), in bits; none when it rounds to nothing. */
export function absorptionWords(absorbed: number): string {
  const bits = formatBits(Math.abs(absorbed));
  if (bits === "0.00") return "none";
  return absorbed > 0 ? `absorbs ${bits} bits` : `amplifies ${bits} bits`;
}
