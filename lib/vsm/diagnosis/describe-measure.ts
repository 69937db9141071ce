import { describeDuration } from "@/lib/vsm/algedonic/describe-duration";
import { MINUTE, SECOND, type Millis } from "@/lib/vsm/types";

/**
 * A measured number as a finding states it: three significant figures, no trailing zeros. The
 * findings compute from noisy data, so more digits would only claim precision the data does not
 * have.
 */
export function describeNumber(value: number): string {
  return String(Number(value.toPrecision(3)));
}

/** A value in the indicator's unit: "3.1%" or "12 t/h". */
export function describeValue(value: number, unit: string): string {
  const number = describeNumber(value);
  if (unit === "") return number;
  return unit === "%" ? `${number}%` : `${number} ${unit}`;
}

/** A share as a percentage: 0.2 → "20%". */
export function describeShare(share: number): string {
  return `${describeNumber(share * 100)}%`;
}

/**
 * A measured period: to the minute from two minutes up, to the second below (a cycle of seconds
 * measured on points seconds apart); finer would be noise of the sampling.
 */
export function describePeriod(period: Millis): string {
  if (period >= 2 * MINUTE) return describeDuration(Math.round(period / MINUTE) * MINUTE);
  return describeDuration(Math.max(1, Math.round(period / SECOND)) * SECOND);
}
