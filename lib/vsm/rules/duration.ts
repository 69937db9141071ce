import { DAY, HOUR, MINUTE, SECOND, type Millis } from "@/lib/vsm/types";

/** Duration units of the rule language, largest first so printing picks the shortest form. */
export const DURATION_UNITS: readonly (readonly [string, Millis])[] = [
  ["d", DAY],
  ["h", HOUR],
  ["m", MINUTE],
  ["s", SECOND],
  ["ms", 1],
];

export function unitMillis(unit: string): Millis | undefined {
  return DURATION_UNITS.find(([name]) => name === unit)?.[1];
}

/** `5m`, `90s`, `1500ms`: the largest unit that divides the duration exactly. */
export function formatDuration(ms: Millis): string {
  if (ms === 0) return "0s";
  const [unit, size] = DURATION_UNITS.find(([, size]) => ms % size === 0)!;
  return `${ms / size}${unit}`;
}
