import { joinPath, SLUG_PATTERN } from "@/lib/vsm/model/path";
import type { RowId, StructureProblem } from "@/lib/vsm/model/structure-problem";

/** A stored system as rows hold it: linked by parent id, with its own slug. */
export interface RecursionRow {
  readonly id: RowId;
  readonly parentId: RowId | null;
  readonly slug: string;
  /** Stored path and level, when the rows carry them; checked against the parent chain. */
  readonly path?: string;
  readonly level?: number;
}

/** Where a row sits in the recursion, derived from its parent chain. */
export interface Placement {
  readonly id: RowId;
  readonly path: string;
  readonly parent: string | null;
  readonly level: number;
}

export interface RowResolution {
  /** Rows whose chain reaches a root, parents before their units. */
  readonly placements: Placement[];
  readonly problems: StructureProblem[];
}

type Chain = { ok: true; path: string; level: number } | { ok: false };

/**
 * Derives paths and levels from parent ids, the shape the database stores. Reports every
 * duplicate id, missing parent (orphan), cycle, invalid slug, duplicate path and stored path or
 * level that disagrees with the chain. Rows below an orphan or a cycle are not placed; the
 * problem is reported once, where the chain breaks.
 */
export function resolveRows(rows: readonly RecursionRow[]): RowResolution {
  const problems: StructureProblem[] = [];
  const byId = new Map<RowId, RecursionRow>();
  for (const row of rows) {
    if (byId.has(row.id))
      problems.push({ kind: "duplicate-id", id: row.id, message: `id ${JSON.stringify(row.id)} is used by more than one row` });
    else byId.set(row.id, row);
  }

  const chains = new Map<RowId, Chain>();
  const placements: Placement[] = [];
  const resolve = (start: RecursionRow): Chain => {
    // Walk up to a known chain, a root, a missing parent or a repeat; then settle the walked rows.
    const walked: RecursionRow[] = [];
    const onWalk = new Set<RowId>();
    let row: RecursionRow | undefined = start;
    let outcome: Chain | undefined;
    while (outcome === undefined) {
      const known = chains.get(row.id);
      if (known) {
        outcome = known;
        break;
      }
      if (onWalk.has(row.id)) {
        const ids = walked.slice(walked.findIndex((r) => r.id === row!.id)).map((r) => r.id);
        problems.push({ kind: "cycle", ids, message: `rows ${ids.map((id) => JSON.stringify(id)).join(" → ")} are their own ancestors` });
        outcome = { ok: false };
        break;
      }
      walked.push(row);
      onWalk.add(row.id);
      if (row.parentId === null) break;
      const parent = byId.get(row.parentId);
      if (parent === undefined) {
        problems.push({
          kind: "orphan",
          id: row.id,
          parent: row.parentId,
          message: `parent ${JSON.stringify(row.parentId)} of row ${JSON.stringify(row.id)} is missing`,
        });
        outcome = { ok: false };
        break;
      }
      row = parent;
    }
    // A walk that stopped at a root starts from "above the root": level −1, no path.
    let below: Chain = outcome ?? { ok: true, path: "", level: -1 };
    for (const settled of walked.reverse()) {
      if (below.ok) {
        const parent = settled.parentId === null ? null : below.path;
        const path = joinPath(parent, settled.slug);
        placements.push({ id: settled.id, path, parent, level: below.level + 1 });
        below = { ok: true, path, level: below.level + 1 };
      }
      chains.set(settled.id, below);
    }
    return chains.get(start.id)!;
  };
  for (const row of byId.values()) resolve(row);

  problems.push(...placementProblems(placements, byId));
  return { placements, problems };
}

function placementProblems(placements: readonly Placement[], byId: ReadonlyMap<RowId, RecursionRow>): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const counts = new Map<string, number>();
  for (const placement of placements) {
    const row = byId.get(placement.id)!;
    counts.set(placement.path, (counts.get(placement.path) ?? 0) + 1);
    if (!SLUG_PATTERN.test(row.slug))
      problems.push({
        kind: "invalid-path",
        path: placement.path,
        message: `slug "${row.slug}" of row ${JSON.stringify(row.id)} must be 1–64 lowercase letters, digits and '-'`,
      });
    if (row.path !== undefined && row.path !== placement.path)
      problems.push({
        kind: "path-mismatch",
        id: row.id,
        path: row.path,
        expected: placement.path,
        message: `row ${JSON.stringify(row.id)} stores path "${row.path}" but its parents make it "${placement.path}"`,
      });
    if (row.level !== undefined && row.level !== placement.level)
      problems.push({
        kind: "level-mismatch",
        path: placement.path,
        level: row.level,
        expected: placement.level,
        message: `"${placement.path}" is at recursion level ${placement.level}, not ${row.level}`,
      });
  }
  for (const [path, count] of counts)
    if (count > 1) problems.push({ kind: "duplicate-path", path, count, message: `path "${path}" is used by ${count} systems` });
  const roots = placements.filter((p) => p.parent === null).map((p) => p.path);
  if (roots.length > 1)
    problems.push({ kind: "multiple-roots", paths: roots, message: `one root expected, found ${roots.length}: ${roots.join(", ")}` });
  if (byId.size > 0 && roots.length === 0) problems.push({ kind: "no-root", message: "no row is the root (parent id null)" });
  return problems;
}
