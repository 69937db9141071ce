import type { IndexKind } from "@/lib/vsm/model/kinds";

/**
 * Beer's triple index (docs/design.md §3.1): actuality A, capability C and potentiality P give
 * productivity = A/C, latency = C/P and performance = A/P (= productivity × latency).
 * A ratio that cannot be formed (zero or non-finite divisor, non-finite operand or result) is
 * `undefined`, so NaN and Infinity never reach a chart, a filter or the database.
 */

export interface Triple {
  actuality: number;
  capability: number;
  potentiality: number;
}

export interface TripleIndex {
  productivity: number | undefined;
  latency: number | undefined;
  performance: number | undefined;
}

/** n/d, or undefined when it is not a finite number. */
export function ratio(numerator: number, denominator: number): number | undefined {
  if (denominator === 0 || !Number.isFinite(numerator) || !Number.isFinite(denominator)) return undefined;
  const value = numerator / denominator;
  return Number.isFinite(value) ? value : undefined;
}

export function tripleIndex({ actuality, capability, potentiality }: Triple): TripleIndex {
  return {
    productivity: ratio(actuality, capability),
    latency: ratio(capability, potentiality),
    performance: ratio(actuality, potentiality),
  };
}

/**
 * The value the filter sees for one observation: the chosen index of the new actuality against
 * the indicator's (slowly changing) capability and potentiality, or the actuality itself.
 */
export function seriesValue(kind: IndexKind, actuality: number, reference: Omit<Triple, "actuality">): number | undefined {
  if (kind === "raw") return Number.isFinite(actuality) ? actuality : undefined;
  return tripleIndex({ actuality, ...reference })[kind];
}

/** Ratio indices are judged against the policy's capability floor; raw values need an explicit limit. */
export function isRatioIndex(kind: IndexKind): boolean {
  return kind !== "raw";
}
