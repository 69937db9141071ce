import type { CompiledQuery } from "@/lib/vsm/rules/compile";
import type { EventData } from "@/lib/vsm/rules/event";
import { emptyState, fitsSlots, type MatcherState } from "@/lib/vsm/rules/matcher-state";
import type { Millis } from "@/lib/vsm/types";

/** Feeds a time-ordered event stream through a compiled query, one event at a time. */
export interface Matcher {
  /** Live state, updated in place by `push`; copy it (e.g. as JSON) to persist. */
  readonly state: MatcherState;
  /** Whether the query holds at this event. */
  push(event: EventData, time: Millis): boolean;
}

/**
 * A matcher with fresh state, or resuming from state saved earlier for the same query. Event
 * time is the caller's: events must arrive in non-decreasing time, as sliding windows assume.
 */
export function createMatcher(query: CompiledQuery, state: MatcherState = emptyState(query.slots)): Matcher {
  if (!fitsSlots(state, query.slots)) throw new RangeError("the saved matcher state belongs to a different query");
  return {
    state,
    push(event, time) {
      if (!Number.isFinite(time)) throw new RangeError(`event time must be a finite number of milliseconds, got ${time}`);
      if (state.lastTime !== null && time < state.lastTime)
        throw new RangeError(`events must arrive in time order: ${time} is before ${state.lastTime}`);
      state.lastTime = time;
      return query.step(event, time, state.slots);
    },
  };
}
