import type { TestOutcome } from "@/lib/vsm/filter/change-test";
import { noteActivity, recordChange } from "@/lib/vsm/filter/episode";
import type { FilterParams } from "@/lib/vsm/filter/filter-params";
import type { ChangeEvent } from "@/lib/vsm/filter/filter-output";
import type { FilterState } from "@/lib/vsm/filter/schemas";
import { valenceOf } from "@/lib/vsm/filter/valence";

/**
 * Turns what the change tests found at one point into change events (docs/domain.md, "Changes
 * and episodes"), in the order they happened: the verdict on the last provisional change
 * (retracted, and annotated if it was a transient; a spike pages), a confirmed change (filed under
 * the episode), then a new provisional change. Provisional changes and their verdicts are shown
 * only while no episode is under way; they page nobody either way.
 */
export function reportChanges(
  state: FilterState,
  outcome: TestOutcome,
  now: number,
  reference: number,
  announce: boolean,
  params: FilterParams,
): ChangeEvent[] {
  const events: ChangeEvent[] = [];
  const { raised, decided, change, verdict } = outcome;
  const { direction } = params;
  if (decided && verdict !== "confirmed") {
    const { point, time, sign, deviation } = decided;
    if (decided.announced)
      events.push({
        type: "retracted",
        kind: "step",
        point,
        time,
        valence: valenceOf(direction, sign),
        magnitude: deviation,
        score: outcome.surprise,
      });
    // A surprise the next point did not bear out: an outlier, shown and paged by nobody…
    if (decided.announced && verdict === "transient")
      events.push({
        type: "annotated",
        kind: "transient",
        point,
        time,
        valence: valenceOf(direction, sign),
        magnitude: deviation,
        score: deviation / Math.sqrt(state.test.scale),
      });
    // …unless it was extreme enough to be news by itself.
    if (Math.abs(decided.surprise) >= params.tests.spike)
      events.push(
        recordChange(
          state,
          { kind: "transient", sign, point, time, magnitude: deviation, score: decided.surprise },
          now,
          reference,
          params,
        ),
      );
  }
  if (change) events.push(recordChange(state, change, now, reference, params));
  else if (Math.abs(outcome.surprise) >= params.tests.surprise) noteActivity(state, now);
  if (raised && announce) {
    events.push({
      type: "raised",
      kind: "step",
      point: raised.point,
      time: raised.time,
      valence: valenceOf(direction, raised.sign),
      magnitude: raised.score * Math.sqrt(state.test.scale),
      score: raised.score,
    });
  }
  return events;
}
