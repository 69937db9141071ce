import "server-only";
import { batchLoader, groupBy } from "@/lib/graphql/batch-loader";
import {
  functionsOfSystems,
  indicatorsOfSystems,
  systemsByIds,
  unitsOfSystems,
  type FunctionRecord,
  type IndicatorRecord,
  type SystemRecord,
} from "@/lib/store/model-reads";
import { timelinesOf } from "@/lib/store/signal-heads";
import type { SqlRunner } from "@/lib/store/sql-runner";
import type { TimelineEntry } from "@/lib/vsm/algedonic/schemas";

/** One request's loaders: every read limited to the reader's subtrees, like the lists. */
export interface Loaders {
  system(id: number): Promise<SystemRecord | undefined>;
  units(systemId: number): Promise<SystemRecord[]>;
  functions(systemId: number): Promise<FunctionRecord[]>;
  indicators(systemId: number): Promise<IndicatorRecord[]>;
  timeline(signalId: string): Promise<TimelineEntry[]>;
}

export function createLoaders(sql: Pick<SqlRunner, "query">, scopes: readonly string[]): Loaders {
  const system = batchLoader<number, SystemRecord>(async (ids) => new Map((await systemsByIds(sql, ids, scopes)).map((s) => [s.id, s])));
  // A unit always has a parent; -1 (no id) only satisfies the type.
  const units = batchLoader<number, SystemRecord[]>(async (ids) =>
    groupBy(await unitsOfSystems(sql, ids, scopes), (s) => s.parentId ?? -1),
  );
  const functions = batchLoader<number, FunctionRecord[]>(async (ids) =>
    groupBy(await functionsOfSystems(sql, ids, scopes), (f) => f.systemId),
  );
  const indicators = batchLoader<number, IndicatorRecord[]>(async (ids) =>
    groupBy(await indicatorsOfSystems(sql, ids, scopes), (i) => i.systemId),
  );
  const timeline = batchLoader<string, TimelineEntry[]>((ids) => timelinesOf(sql, ids, scopes));
  return {
    system,
    units: async (id) => (await units(id)) ?? [],
    functions: async (id) => (await functions(id)) ?? [],
    indicators: async (id) => (await indicators(id)) ?? [],
    timeline: async (id) => (await timeline(id)) ?? [],
  };
}
