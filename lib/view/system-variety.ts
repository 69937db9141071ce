import { pathAtLevel } from "@/lib/vsm/model/path";
import { assessVariety, type VarietyAssessment } from "@/lib/vsm/variety/assess-variety";
import type { Disturbance } from "@/lib/vsm/variety/disturbance";
import type { TimeWindow } from "@/lib/vsm/time-window";
import { responsesOf } from "@/lib/view/signal-actions";
import type { WindowSignal } from "@/lib/view/variety-input";

/** One system's requisite-variety balance over the window (docs/variety.md). */
export interface SystemVariety {
  path: string;
  name: string;
  level: number;
  assessment: VarietyAssessment;
}

/**
 * H(D) counts each signal raised in the window at the system or below it, except those the filter
 * retracted unconfirmed; its class is valence:kind × the S1 unit it arrives through (the system
 * itself for its own signals). H(R) counts the responses recorded within the window on those
 * signals. `subtree` holds the signals of the system's subtree; the window picks what counts.
 */
export function systemVariety(
  system: { path: string; name: string; level: number },
  subtree: readonly WindowSignal[],
  window: TimeWindow,
  tolerance: number,
): SystemVariety {
  const disturbances = subtree
    .filter(({ signal }) => signal.state !== "retracted")
    .map(({ signal }): Disturbance => ({
      at: signal.raisedAt,
      unit: pathAtLevel(signal.unitPath, system.level + 1) ?? system.path,
      kind: `${signal.valence}:${signal.kind}`,
    }));
  const responses = subtree.flatMap(({ signal }) => responsesOf(signal));
  return { ...system, assessment: assessVariety({ disturbances, responses, window, tolerance }) };
}

/** Bits as the page prints them: two decimals are finer than any tolerance a policy sets in practice. */
export function formatBits(bits: number): string {
  // −0.00 would read as a deficit; a rounded zero is zero.
  const text = bits.toFixed(2);
  return text === "-0.00" ? "0.00" : text;
}

/** The balance in words an operator can act on: the state, and the figure and tolerance that decided it. */
export function balanceWords(assessment: VarietyAssessment): { label: string; detail: string } {
  const tolerance = `tolerance ±${formatBits(assessment.tolerance)}`;
  const excess = formatBits(Math.abs(assessment.deficit));
  if (assessment.state === "under-regulated")
    return { label: "Under-regulated", detail: `${excess} bits more disturbance variety than response variety (${tolerance})` };
  if (assessment.state === "over-regulated")
    return { label: "Over-regulated", detail: `${excess} bits more response variety than disturbance variety (${tolerance})` };
  return { label: "Balanced", detail: `deficit within the ${tolerance} bits` };
}
