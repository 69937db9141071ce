import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ModelChannel, ModelFile, ModelSystem } from "@/lib/model-file/schemas";
import type { Database } from "@/lib/store/database";
import { FUNCTION_KINDS } from "@/lib/vsm/model/kinds";
import { depthOf, parentOf, slugOf } from "@/lib/vsm/model/path";

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

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
 */
export async function importModel(db: Pick<Database, "prisma">, model: ModelFile): Promise<ImportSummary> {
  const summary: ImportSummary = {
    systems: { created: 0, updated: 0 },
    indicators: { created: 0, updated: 0 },
    channels: { created: 0, removed: 0 },
  };
  // Parents before children, so every parent id is known when its units are written.
  const ordered = [...model.systems].sort((a, b) => depthOf(a.path) - depthOf(b.path));
  await db.prisma.$transaction(
    async (tx) => {
      const ids = new Map<string, number>();
      for (const system of ordered) ids.set(system.path, await upsertSystem(tx, system, ids, summary));
      for (const system of ordered) {
        const systemId = ids.get(system.path)!;
        await syncFunctions(tx, systemId, system);
        await upsertIndicators(tx, systemId, system, summary);
        await syncChannels(tx, systemId, system.channels, ids, summary);
      }
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return summary;
}

async function upsertSystem(tx: Tx, system: ModelSystem, ids: Map<string, number>, summary: ImportSummary): Promise<number> {
  const parent = parentOf(system.path);
  const data = {
    parentId: parent === null ? null : ids.get(parent)!,
    slug: slugOf(system.path),
    level: depthOf(system.path),
    name: system.name,
    purpose: system.purpose,
    owner: system.owner ?? null,
  };
  const existing = await tx.system.findUnique({ where: { path: system.path }, select: { id: true } });
  if (existing) {
    await tx.system.update({ where: { id: existing.id }, data });
    summary.systems.updated += 1;
    return existing.id;
  }
  const created = await tx.system.create({ data: { ...data, path: system.path }, select: { id: true } });
  summary.systems.created += 1;
  return created.id;
}

async function syncFunctions(tx: Tx, systemId: number, system: ModelSystem): Promise<void> {
  for (const kind of FUNCTION_KINDS) {
    const fn = system.functions[kind];
    const data = { present: fn?.present ?? false, owner: fn?.owner ?? null, notes: fn?.notes ?? "" };
    await tx.systemFunction.upsert({
      where: { systemId_kind: { systemId, kind } },
      create: { systemId, kind, ...data },
      update: data,
    });
  }
}

async function upsertIndicators(tx: Tx, systemId: number, system: ModelSystem, summary: ImportSummary): Promise<void> {
  for (const indicator of system.indicators) {
    const data = {
      name: indicator.name,
      unit: indicator.unit,
      direction: indicator.direction,
      index: indicator.index,
      scope: indicator.scope,
      family: indicator.family ?? null,
      capability: indicator.capability ?? null,
      potentiality: indicator.potentiality ?? null,
    };
    const where = { systemId_key: { systemId, key: indicator.key } };
    const existing = await tx.indicator.findUnique({ where, select: { id: true } });
    if (existing) {
      await tx.indicator.update({ where, data });
      summary.indicators.updated += 1;
    } else {
      await tx.indicator.create({ data: { ...data, systemId, key: indicator.key } });
      summary.indicators.created += 1;
    }
  }
}

async function syncChannels(
  tx: Tx,
  systemId: number,
  channels: ModelChannel[],
  ids: Map<string, number>,
  summary: ImportSummary,
): Promise<void> {
  const wanted = channels.map((c) => ({
    kind: c.kind,
    unitId: c.unit === undefined ? null : ids.get(c.unit)!,
    description: c.description,
  }));
  const existing = await tx.channel.findMany({ where: { systemId } });
  const sameEnds = (a: { kind: string; unitId: number | null }, b: typeof a) => a.kind === b.kind && a.unitId === b.unitId;
  const stale = existing.filter((e) => !wanted.some((w) => sameEnds(e, w)));
  if (stale.length > 0) {
    await tx.channel.deleteMany({ where: { id: { in: stale.map((c) => c.id) } } });
    summary.channels.removed += stale.length;
  }
  for (const channel of wanted) {
    const match = existing.find((e) => sameEnds(e, channel));
    if (!match) {
      await tx.channel.create({ data: { systemId, ...channel } });
      summary.channels.created += 1;
    } else if (match.description !== channel.description) {
      await tx.channel.update({ where: { id: match.id }, data: { description: channel.description } });
    }
  }
}
