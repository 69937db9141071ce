import { HOUR, MINUTE, SECOND, type Millis } from "@/lib/vsm/types";

/** A duration as operators read it in a timeline ("1h 30m", "45s"); the exact value is in the data. */
export function describeDuration(duration: Millis): string {
  const parts: string[] = [];
  let rest = Math.max(0, Math.round(duration));
  for (const [unit, size] of [
    ["h", HOUR],
    ["m", MINUTE],
    ["s", SECOND],
  ] as const) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) parts.push(`${count}${unit}`);
  }
  if (rest > 0 || parts.length === 0) parts.push(`${rest}ms`);
  return parts.join(" ");
}
