import "server-only";
import type { ModelFile, ModelSystem } from "@/lib/model-file/schemas";
import type { Database } from "@/lib/store/database";

/**
 * Reads the whole model back into the model-file shape, so that importing an export changes
 * nothing. Optional fields are left out when empty.
 */
export async function exportModel(db: Pick<Database, "prisma">): Promise<ModelFile> {
  const systems = await db.prisma.system.findMany({
    orderBy: { path: "asc" },
    include: {
      functions: { orderBy: { kind: "asc" } },
      channels: { orderBy: [{ kind: "asc" }, { id: "asc" }], include: { unit: { select: { path: true } } } },
      indicators: { orderBy: { key: "asc" } },
    },
  });
  return {
    version: 1,
    systems: systems.map((system): ModelSystem => ({
      path: system.path,
      name: system.name,
      purpose: system.purpose,
      ...(system.owner ? { owner: system.owner } : {}),
      ...(isNonEmptyObject(system.policy) ? { policy: system.policy } : {}),
      functions: Object.fromEntries(
        system.functions
          .filter((f) => f.present || f.owner || f.notes)
          .map((f) => [f.kind, { present: f.present, ...(f.owner ? { owner: f.owner } : {}), notes: f.notes }]),
      ),
      channels: system.channels.map((c) => ({
        kind: c.kind,
        ...(c.unit ? { unit: c.unit.path } : {}),
        description: c.description,
      })),
      indicators: system.indicators.map((i) => ({
        key: i.key,
        name: i.name,
        unit: i.unit,
        direction: i.direction,
        index: i.index,
        scope: i.scope,
        ...(i.family ? { family: i.family } : {}),
        ...(i.capability !== null ? { capability: i.capability } : {}),
        ...(i.potentiality !== null ? { potentiality: i.potentiality } : {}),
      })),
    })),
  };
}

function isNonEmptyObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length > 0;
}
