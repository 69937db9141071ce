/**
 * What every decoder in lib/ingest produces (docs/design.md §4, "Telemetry in"): observations to store,
 * rejects with reasons, and counts that account for every point received. Decoders are pure: the
 * unit and indicator named here are not yet checked against the model; the pipeline does that and
 * turns misses into `unknown_unit` / `unknown_indicator` rejects (see unassigned.ts).
 */

export const INGEST_SOURCES = ["json", "otlp", "prometheus", "alertmanager"] as const;
export type IngestSource = (typeof INGEST_SOURCES)[number];

/** One value of one indicator of one unit at one moment; `time` in epoch ms, `value` always finite. */
export interface KeyedObservation {
  unitPath: string;
  indicatorKey: string;
  time: number;
  value: number;
}

/**
 * The JSON endpoint also lets a client name an indicator by its id. The unit path is still
 * required there, so the pipeline can scope the write to the API key's subtree and check that the
 * indicator belongs to that unit.
 */
export interface IdObservation {
  unitPath: string;
  indicatorId: number;
  time: number;
  value: number;
}

export type Observation = KeyedObservation | IdObservation;

export function isKeyed(observation: Observation): observation is KeyedObservation {
  return "indicatorKey" in observation;
}
