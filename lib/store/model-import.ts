import "server-only";
import { appendAudit } from "@/lib/store/audit-events";
import type { ModelFile, ModelSystem } from "@/lib/model-file/schemas";
import { replaceChannels, type ChannelRow } from "@/lib/store/channels";
import type { Database } from "@/lib/store/database";
import { upsertIndicators, type IndicatorRow } from "@/lib/store/indicators";
import { upsertSystemFunctions, type SystemFunctionRow } from "@/lib/store/system-functions";
import { linkParents, upsertSystems, type SystemRow } from "@/lib/store/systems";
import { FUNCTION_KINDS } from "@/lib/vsm/model/kinds";
import { depthOf, parentOf, slugOf } from "@/lib/vsm/model/path";

export interface ImportSummary {
  systems: { created: number; updated: number };
  indicators: { created: number; updated: number };
  channels: { created: number; removed: number };
}

/**
 * Imports a validated model in one transaction: every system, function, channel and indicator in
 * the file is created or brought up to date, so importing the same file twice changes nothing.
 * Nothing absent from the file is deleted except the channels of imported systems, which the
 * file describes completely; systems and indicators (and so observations) are never dropped.
 *
 * Each table is written by one statement over arrays of the whole model (five statements in all,
 * however large the model), not a statement per row: a 1,000-system model is ~14,000 rows.
 */
export async function importModel(db: Pick<Database, "sql">, model: ModelFile, actor = "system"): Promise<ImportSummary> {
  return db.sql.transaction(async (tx) => {
    const upserted = await upsertSystems(tx, model.systems.map(systemRow));
    const ids = new Map(upserted.map((s) => [s.path, s.id]));
    const idOf = (path: string): number => {
      const id = ids.get(path);
      // Validation puts every parent and channel unit in the file, so this is a bug, not bad input.
      if (id === undefined) throw new Error(`importModel: no id for "${path}"`);
      return id;
    };
    await linkParents(
      tx,
      model.systems.map((s) => {
        const parent = parentOf(s.path);
        return { id: idOf(s.path), parentId: parent === null ? null : idOf(parent) };
      }),
    );
    await upsertSystemFunctions(
      tx,
      model.systems.flatMap((s) => functionRows(idOf(s.path), s)),
    );
    const indicators = await upsertIndicators(
      tx,
      model.systems.flatMap((s) => indicatorRows(idOf(s.path), s)),
    );
    const channels = await replaceChannels(
      tx,
      [...ids.values()],
      model.systems.flatMap((s) =>
        s.channels.map((c): ChannelRow => ({
          systemId: idOf(s.path),
          kind: c.kind,
          unitId: c.unit === undefined ? null : idOf(c.unit),
          description: c.description,
        })),
      ),
    );
    const created = upserted.filter((s) => s.created).length;
    const summary = { systems: { created, updated: upserted.length - created }, indicators, channels };
    await appendAudit(tx, [{ actor, action: "model.import", target: model.systems[0]?.path ?? null, detail: { ...summary } }]);
    return summary;
  });
}

function systemRow(system: ModelSystem): SystemRow {
  return {
    path: system.path,
    slug: slugOf(system.path),
    level: depthOf(system.path),
    name: system.name,
    purpose: system.purpose,
    owner: system.owner ?? null,
    policy: system.policy ?? {},
  };
}

/** All five functions of a system: one left out of the file is stored as not present. */
function functionRows(systemId: number, system: ModelSystem): SystemFunctionRow[] {
  return FUNCTION_KINDS.map((kind) => {
    const fn = system.functions[kind];
    return { systemId, kind, present: fn?.present ?? false, owner: fn?.owner ?? null, notes: fn?.notes ?? "" };
  });
}

function indicatorRows(systemId: number, system: ModelSystem): IndicatorRow[] {
  return system.indicators.map((i) => ({
    systemId,
    key: i.key,
    name: i.name,
    unit: i.unit,
    direction: i.direction,
    index: i.index,
    scope: i.scope,
    family: i.family ?? null,
    capability: i.capability ?? null,
    potentiality: i.potentiality ?? null,
  }));
}
