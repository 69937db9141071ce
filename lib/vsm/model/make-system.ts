import { depthOf, parentOf, slugOf } from "@/lib/vsm/model/path";
import type { ViableSystem } from "@/lib/vsm/model/system";

export type SystemFields = Partial<Omit<ViableSystem, "path" | "parent" | "level">>;

/**
 * A system at `path` with its parent and level derived from the path, so the two can never
 * disagree. Unset fields are empty: no functions recorded, no channels, no indicators, and the
 * slug as name.
 */
export function makeSystem(path: string, fields: SystemFields = {}): ViableSystem {
  return {
    name: slugOf(path),
    functions: {},
    channels: [],
    indicators: [],
    ...fields,
    path,
    parent: parentOf(path),
    level: depthOf(path),
  };
}
