import { disturbanceCounts, type Disturbance } from "@/lib/vsm/variety/disturbance";
import { entropyOf, log2Count, type ClassCounts } from "@/lib/vsm/entropy";
import { requisiteVariety, type RequisiteVariety } from "@/lib/vsm/variety/requisite-variety";
import { responseCounts, type RegulatoryResponse } from "@/lib/vsm/variety/response";
import type { TimeWindow } from "@/lib/vsm/time-window";

/** One side of the balance: its entropy and, for context, how many events and distinct classes. */
export type VarietySide = {
  /** Shannon entropy of the class distribution, bits. */
  bits: number;
  /** log₂ of the number of distinct classes: the most `bits` could be. */
  stateBits: number;
  events: number;
  classes: number;
};

export type VarietyAssessment = RequisiteVariety & {
  window: TimeWindow;
  disturbances: VarietySide;
  responses: VarietySide;
};

function side(counts: ClassCounts): VarietySide {
  const values = Object.values(counts);
  return {
    bits: entropyOf(counts),
    stateBits: log2Count(values.length),
    events: values.reduce((s, c) => s + c, 0),
    classes: values.length,
  };
}

/** H(D), H(R) and the requisite-variety deficit of one system over one window. */
export function assessVariety(input: {
  disturbances: readonly Disturbance[];
  responses: readonly RegulatoryResponse[];
  window: TimeWindow;
  /** policy.variety.tolerance */
  tolerance: number;
}): VarietyAssessment {
  const disturbances = side(disturbanceCounts(input.disturbances, input.window));
  const responses = side(responseCounts(input.responses, input.window));
  return {
    ...requisiteVariety(disturbances.bits, responses.bits, input.tolerance),
    window: input.window,
    disturbances,
    responses,
  };
}
