import "server-only";
import type { Database } from "@/lib/store/database";
import { prismaPathIn } from "@/lib/store/scope-filter";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { summariseOverview, type Overview, type OverviewSystem } from "@/lib/view/overview";

/**
 * The recursion with what each system has, for the overview page: the systems in `scopes` (the
 * subtrees the reader may see; `[""]` is everything), each subtree's top standing as a root.
 */
export async function getOverview(db: Pick<Database, "prisma">, scopes: readonly string[]): Promise<Overview> {
  const rows = await db.prisma.system.findMany({
    where: prismaPathIn(scopes),
    orderBy: [{ level: "asc" }, { name: "asc" }],
    select: {
      id: true,
      parentId: true,
      path: true,
      level: true,
      name: true,
      purpose: true,
      owner: true,
      functions: { select: { kind: true, present: true } },
      _count: { select: { indicators: true } },
    },
  });
  const open = await db.prisma.signal.groupBy({ by: ["systemId", "valence"], where: { closedAt: null }, _count: { _all: true } });
  const openOf = (id: number, valence: string) => open.find((g) => g.systemId === id && g.valence === valence)?._count._all ?? 0;
  const systems = rows.map(({ functions, _count, ...system }): OverviewSystem => {
    const present = new Set(functions.filter((f) => f.present).map((f) => f.kind));
    return {
      ...system,
      functions: {
        s2: present.has("s2"),
        s3: present.has("s3"),
        s3star: present.has("s3star"),
        s4: present.has("s4"),
        s5: present.has("s5"),
      },
      indicatorCount: _count.indicators,
      openSignals: { pain: openOf(system.id, "pain"), pleasure: openOf(system.id, "pleasure") },
    };
  });
  return summariseOverview(systems);
}

/** A system as an import writes it; parents are linked afterwards, once every id is known. */
export interface SystemRow {
  path: string;
  slug: string;
  level: number;
  name: string;
  purpose: string;
  owner: string | null;
  /** The system's S5 policy override (an object; {} for none). */
  policy: Record<string, unknown>;
}

export type UpsertedSystem = { id: number; path: string; created: boolean };

/*
 * Every statement of a CTE sees the same snapshot, so `existing` holds the paths that were there
 * before this insert: that is how one statement both upserts and says which rows are new.
 */
const UPSERT_SYSTEMS = `
WITH input AS (
  SELECT t.*, p.policy FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[])
    WITH ORDINALITY AS t(path, slug, level, name, purpose, owner, n)
  JOIN jsonb_array_elements($7::jsonb) WITH ORDINALITY AS p(policy, n) USING (n)
), existing AS (
  SELECT s.path FROM "system" s JOIN input USING (path)
), upserted AS (
  INSERT INTO "system" (path, slug, level, name, purpose, owner, policy, updated_at)
  SELECT path, slug, level, name, purpose, owner, policy, now() FROM input
  ON CONFLICT (path) DO UPDATE SET
    slug = excluded.slug, level = excluded.level, name = excluded.name,
    purpose = excluded.purpose, owner = excluded.owner, policy = excluded.policy, updated_at = excluded.updated_at
  RETURNING id, path
)
SELECT u.id, u.path, e.path IS NULL AS created FROM upserted u LEFT JOIN existing e USING (path)`;

/** Creates or updates systems by path in one statement, each with its id and whether it is new. */
export async function upsertSystems(tx: SqlRunner, rows: SystemRow[]): Promise<UpsertedSystem[]> {
  return tx.query<UpsertedSystem>(UPSERT_SYSTEMS, [
    rows.map((r) => r.path),
    rows.map((r) => r.slug),
    rows.map((r) => r.level),
    rows.map((r) => r.name),
    rows.map((r) => r.purpose),
    rows.map((r) => r.owner),
    // One JSON array matched by position, as the roll-up bins are (lib/store/rollups.ts).
    JSON.stringify(rows.map((r) => r.policy)),
  ]);
}

/**
 * Points each system at its parent, in one statement. A separate step from the upsert because a
 * new unit's parent may be new in the same import, with no id until that statement has run.
 */
export async function linkParents(tx: SqlRunner, links: { id: number; parentId: number | null }[]): Promise<void> {
  await tx.query(
    `UPDATE "system" s SET parent_id = t.parent_id
       FROM unnest($1::int[], $2::int[]) AS t(id, parent_id)
      WHERE s.id = t.id AND s.parent_id IS DISTINCT FROM t.parent_id`,
    [links.map((l) => l.id), links.map((l) => l.parentId)],
  );
}
