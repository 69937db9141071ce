import type { Millis } from "@/lib/vsm/types";

/**
 * A half-open time window [from, to): adjacent windows share no instant, so nothing counts twice.
 * Shared by every folder that looks at a span of time (temporal/, variety/, S2–S5), so it belongs
 * to none of them.
 */
export type TimeWindow = { from: Millis; to: Millis };

export function checkWindow(window: TimeWindow): TimeWindow {
  if (!(Number.isFinite(window.from) && Number.isFinite(window.to) && window.from < window.to)) {
    throw new RangeError(`a window needs finite from < to, got [${window.from}, ${window.to})`);
  }
  return window;
}

export function inWindow(at: Millis, window: TimeWindow): boolean {
  return at >= window.from && at < window.to;
}

/** Consecutive windows of `step` from `window.from`; the last one is cut at `window.to`. */
export function splitWindow(window: TimeWindow, step: Millis): TimeWindow[] {
  checkWindow(window);
  if (!(step > 0 && Number.isFinite(step))) throw new RangeError(`a step must be positive, got ${step}`);
  const parts: TimeWindow[] = [];
  for (let from = window.from; from < window.to; from += step) parts.push({ from, to: Math.min(from + step, window.to) });
  return parts;
}
