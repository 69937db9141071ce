import { countClasses, type ClassCounts } from "@/lib/vsm/entropy";
import { checkWindow, inWindow, type TimeWindow } from "@/lib/vsm/time-window";
import type { Millis } from "@/lib/vsm/types";

/**
 * A disturbance reaching a system: an algedonic signal (kind = its kind, e.g. "pain:step") or an
 * ingestion event class (kind = the class, e.g. "alertmanager:HighLatency"), at one of its units.
 */
export type Disturbance = { at: Millis; unit: string; kind: string };

/** The class of a disturbance is kind × unit; JSON keeps "a:b"+"c" apart from "a"+"b:c". */
export function disturbanceClass(d: Disturbance): string {
  return JSON.stringify([d.kind, d.unit]);
}

/** How often each class of disturbance reached the system within the window. */
export function disturbanceCounts(disturbances: readonly Disturbance[], window: TimeWindow): ClassCounts {
  checkWindow(window);
  return countClasses(
    disturbances.filter((d) => inWindow(d.at, window)),
    disturbanceClass,
  );
}
