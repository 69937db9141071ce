import "server-only";
import { isKeyed, type Observation } from "@/lib/ingest/observation";
import { type Reject } from "@/lib/ingest/reject";
import { unknownReject } from "@/lib/ingest/unassigned";
import { indicatorsById, indicatorsByName, knownUnits, type IndicatorTarget } from "@/lib/store/indicator-runtimes";
import type { SqlRunner } from "@/lib/store/sql-runner";

export interface ResolvedPoint {
  indicator: IndicatorTarget;
  time: number;
  value: number;
}

/**
 * Finds the indicator of every observation (docs/telemetry-in.md): by unit path and key, or by id —
 * where the id must belong to the unit the item names, so a key scoped to one subtree cannot write
 * elsewhere by id. The misses become `unknown_unit` / `unknown_indicator` rejects, located by
 * `positions` (the request path of each observation) or, for metrics merged from many series, by
 * unit and indicator. Three statements at most, however large the batch.
 */
export async function resolvePoints(
  sql: SqlRunner,
  observations: readonly Observation[],
  positions?: readonly string[],
): Promise<{ points: ResolvedPoint[]; rejects: Reject[] }> {
  const nameKey = (path: string, key: string) => `${path}\u0000${key}`;
  const names = new Map<string, { unitPath: string; key: string }>();
  const ids = new Set<number>();
  for (const o of observations) {
    if (isKeyed(o)) names.set(nameKey(o.unitPath, o.indicatorKey), { unitPath: o.unitPath, key: o.indicatorKey });
    else ids.add(o.indicatorId);
  }
  const [byName, byId] = await Promise.all([indicatorsByName(sql, [...names.values()]), indicatorsById(sql, [...ids])]);
  const named = new Map(byName.map((t) => [nameKey(t.unitPath, t.key), t]));
  const numbered = new Map(byId.map((t) => [t.id, t]));

  const points: ResolvedPoint[] = [];
  const misses: { observation: Observation; at: string }[] = [];
  observations.forEach((o, i) => {
    const target = isKeyed(o) ? named.get(nameKey(o.unitPath, o.indicatorKey)) : numbered.get(o.indicatorId);
    if (target !== undefined && target.unitPath === o.unitPath) points.push({ indicator: target, time: o.time, value: o.value });
    else misses.push({ observation: o, at: positions?.[i] ?? describe(o) });
  });
  if (misses.length === 0) return { points, rejects: [] };
  const units = await knownUnits(sql, [...new Set(misses.map((m) => m.observation.unitPath))]);
  const rejects = misses.map(({ observation, at }) =>
    unknownReject(observation, units.has(observation.unitPath) ? "indicator" : "unit", at),
  );
  return { points, rejects };
}

function describe(o: Observation): string {
  return isKeyed(o) ? `${o.unitPath} ${o.indicatorKey}` : `${o.unitPath} #${o.indicatorId}`;
}
