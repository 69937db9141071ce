import type { IngestSource, Observation } from "./observation";
import { classOf, reject, type Reject, type RejectCode } from "./reject";

/**
 * The unassigned bucket (docs/design.md §4): data that names no unit, or a unit or indicator the model
 * does not have, is counted per source, unit and indicator so the diagnosis can show it — never
 * silently dropped. Decoders produce `missing_unit` (and `invalid_unit`, which the bucket does not
 * take: an invalid path is the sender's error, reported back to it); the pipeline, which knows the
 * model, adds `unknown_unit` and `unknown_indicator` with unknownReject.
 */
export interface UnassignedCount {
  source: IngestSource;
  /** null when the data named no unit at all. */
  unitPath: string | null;
  indicatorKey: string | null;
  /** The reason of the latest reject in the group. */
  code: RejectCode;
  count: number;
}

export function groupUnassigned(source: IngestSource, rejects: readonly Reject[]): UnassignedCount[] {
  const groups = new Map<string, UnassignedCount>();
  for (const entry of rejects) {
    if (classOf(entry.code) !== "unassigned") continue;
    const unitPath = entry.unitPath ?? null;
    const indicatorKey = entry.indicatorKey ?? null;
    const key = JSON.stringify([unitPath, indicatorKey]);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { source, unitPath, indicatorKey, code: entry.code, count: 1 });
    else {
      group.count += 1;
      group.code = entry.code;
    }
  }
  return [...groups.values()];
}

/** A reject for an observation whose unit or indicator the model does not have; `at` locates it in the request or batch. */
export function unknownReject(observation: Observation, missing: "unit" | "indicator", at: string): Reject {
  const indicator = "indicatorKey" in observation ? { indicatorKey: observation.indicatorKey } : {};
  const named = "indicatorKey" in observation ? `indicator "${observation.indicatorKey}"` : `indicator #${observation.indicatorId}`;
  return missing === "unit"
    ? reject(at, "unknown_unit", `no unit "${observation.unitPath}" in the model`, { unitPath: observation.unitPath, ...indicator })
    : reject(at, "unknown_indicator", `unit "${observation.unitPath}" has no ${named}`, { unitPath: observation.unitPath, ...indicator });
}
