import type { FilterParams } from "@/lib/vsm/filter/filter-params";
import type { ChangeEvent, ChangeKind, Episode } from "@/lib/vsm/filter/filter-output";
import type { EpisodeState, FilterState } from "@/lib/vsm/filter/schemas";
import { isKnownLevel, rememberLevel } from "@/lib/vsm/filter/known-levels";
import { valenceOf } from "@/lib/vsm/filter/valence";

/**
 * Episodes (docs/domain.md, "Changes and episodes"): one change is one report. The first
 * confirmed change starts an episode and pages (`confirmed`); every further change while it
 * lasts — a ramp that keeps going, a level that keeps moving or switching back — updates it
 * (`continued`) and pages nobody; once no change has been confirmed and nothing has surprised
 * the tests for the policy's quiet time, the episode is over (`settled`) and the next change
 * pages again — unless it is a recovery or a routine switch (known-levels.ts), which is shown
 * (`annotated`) and pages nobody. A step followed by a further change the same way that began
 * soon after it (or is shaped as a ramp) is a ramp: the episode's kind becomes slope.
 */

/** A further change the same way that began within this many typical intervals of the last confirmation makes a step episode a ramp. */
const RAMP_GAP = 20;

export interface ConfirmedChange {
  kind: ChangeKind;
  sign: 1 | -1;
  point: number;
  time: number;
  magnitude: number;
  score: number;
}

/** Files a confirmed change under the current episode, or starts one; returns its event. */
export function recordChange(
  state: FilterState,
  change: ConfirmedChange,
  now: number,
  reference: number,
  params: FilterParams,
): ChangeEvent {
  const episode = state.episode;
  const event = (type: ChangeEvent["type"], kind: ChangeKind): ChangeEvent => ({
    type,
    kind,
    point: change.point,
    time: change.time,
    valence: valenceOf(params.direction, change.sign),
    magnitude: change.magnitude,
    score: change.score,
  });
  if (!episode) {
    const sd = Math.sqrt(state.test.scale);
    const destination = reference + change.magnitude;
    if (change.kind === "step" && isKnownLevel(state, destination, reference, now, sd)) {
      rememberLevel(state, destination, now, sd, true);
      return event("annotated", "step");
    }
    rememberLevel(state, reference, now, sd, false);
    state.normal = { level: reference, time: now };
    state.episode = {
      kind: change.kind,
      sign: change.sign,
      lastSign: change.sign,
      since: change.time,
      point: change.point,
      changes: 1,
      reference,
      lastChange: now,
      lastConfirmed: now,
    };
    return event("confirmed", change.kind);
  }
  // The level moving on the same way — a change that began soon after the last was confirmed, so
  // the level never settled, or one shaped as a ramp — is a ramp, not a second step.
  const sameWay = change.kind !== "transient" && change.sign === episode.lastSign;
  if (episode.kind === "step" && sameWay && (change.kind === "slope" || change.time - episode.lastConfirmed <= RAMP_GAP * state.interval))
    episode.kind = "slope";
  episode.changes += 1;
  episode.lastSign = change.sign;
  episode.lastChange = now;
  episode.lastConfirmed = now;
  return event("continued", episode.kind);
}

/** Keeps the episode alive while the tests are still surprised. */
export function noteActivity(state: FilterState, now: number): void {
  if (state.episode) state.episode.lastChange = now;
}

/** Ends the episode once it has been quiet for the policy's quiet time. */
export function settleEpisode(state: FilterState, now: number, point: number, level: number, params: FilterParams): ChangeEvent | null {
  const episode = state.episode;
  if (!episode || now - episode.lastChange < params.quiet) return null;
  state.episode = null;
  rememberLevel(state, level, now, Math.sqrt(state.test.scale), true);
  return {
    type: "settled",
    kind: episode.kind,
    point,
    time: now,
    valence: valenceOf(params.direction, episode.sign),
    magnitude: level - episode.reference,
    score: 0,
  };
}

export function episodeView(episode: EpisodeState | null, params: FilterParams): Episode | null {
  if (!episode) return null;
  return {
    kind: episode.kind,
    valence: valenceOf(params.direction, episode.sign),
    since: episode.since,
    changes: episode.changes,
    reference: episode.reference,
  };
}
