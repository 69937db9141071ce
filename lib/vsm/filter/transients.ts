import { recordChange } from "@/lib/vsm/filter/episode";
import type { FilterParams } from "@/lib/vsm/filter/filter-params";
import type { ChangeEvent } from "@/lib/vsm/filter/filter-output";
import type { FilterState } from "@/lib/vsm/filter/schemas";
import { valenceOf } from "@/lib/vsm/filter/valence";

/** Transients on the same side this close together (in the policy's quiet time) are a burst. */
const BURST = 2;

/**
 * A surprise the next point did not bear out is a transient (an outlier): annotated, and paged
 * by nobody — unless it is one of a burst, BURST transients on the same side within the quiet
 * time, which is confirmed as a transient change (docs/domain.md, "Changes and episodes").
 */
export function transientEvents(state: FilterState, decided: { sign: 1 | -1; point: number; time: number; deviation: number }, reference: number, params: FilterParams): ChangeEvent[] {
  const { transients } = state;
  const together = transients.sign === decided.sign && decided.time - transients.last <= params.quiet;
  transients.count = together ? transients.count + 1 : 1;
  transients.sign = decided.sign;
  transients.last = decided.time;
  const annotated: ChangeEvent = {
    type: "annotated",
    kind: "transient",
    point: decided.point,
    time: decided.time,
    valence: valenceOf(params.direction, decided.sign),
    magnitude: decided.deviation,
    score: decided.deviation / Math.sqrt(state.test.scale),
  };
  if (transients.count < BURST) return [annotated];
  transients.count = 0;
  const change = { kind: "transient" as const, sign: decided.sign, point: decided.point, time: decided.time, magnitude: decided.deviation, score: annotated.score };
  return [annotated, recordChange(state, change, decided.time, reference, params)];
}
