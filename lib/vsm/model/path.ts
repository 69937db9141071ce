/**
 * System paths: slash-separated slugs from the root, e.g. `acme/ops/payments`. The recursion
 * level of a system is the number of slashes in its path (root = 0).
 */

/** One segment: 1–64 lowercase letters, digits and '-', not starting with '-'. */
const SLUG = "[a-z0-9][a-z0-9-]{0,63}";
export const SLUG_PATTERN = new RegExp(`^${SLUG}$`);
/** A whole path, built from the same segment so the two cannot drift; MAX_PATH_LENGTH still applies. */
export const PATH_PATTERN = new RegExp(`^${SLUG}(/${SLUG})*$`);
export const MAX_PATH_LENGTH = 1024;

export type PathParse = { ok: true; segments: string[] } | { ok: false; reason: string };

export function parsePath(path: string): PathParse {
  if (path.length === 0) return { ok: false, reason: "a path must not be empty" };
  if (path.length > MAX_PATH_LENGTH) return { ok: false, reason: `a path must be at most ${MAX_PATH_LENGTH} characters` };
  const segments = path.split("/");
  const bad = segments.findIndex((segment) => !SLUG_PATTERN.test(segment));
  if (bad !== -1) {
    const segment = segments[bad]!;
    const reason =
      segment === ""
        ? "a path has no empty segments (no leading, trailing or doubled '/')"
        : `segment "${segment}" must be 1–64 lowercase letters, digits and '-', starting with a letter or digit`;
    return { ok: false, reason };
  }
  return { ok: true, segments };
}

export function isValidPath(path: string): boolean {
  return parsePath(path).ok;
}

/** The containing system's path, or null at the root. */
export function parentOf(path: string): string | null {
  const cut = path.lastIndexOf("/");
  return cut === -1 ? null : path.slice(0, cut);
}

/** The last segment: the system's slug among its siblings. */
export function slugOf(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

export function joinPath(parent: string | null, slug: string): string {
  return parent === null ? slug : `${parent}/${slug}`;
}

/** Recursion level: 0 at the root, one more per segment. */
export function depthOf(path: string): number {
  let depth = 0;
  for (const char of path) if (char === "/") depth += 1;
  return depth;
}

/** Paths of the containing systems, nearest first: the order in which escalation climbs. */
export function ancestorPaths(path: string): string[] {
  const found: string[] = [];
  for (let parent = parentOf(path); parent !== null; parent = parentOf(parent)) found.push(parent);
  return found;
}

/** Strictly above: a system is not its own ancestor. Compares whole segments, not prefixes. */
export function isAncestor(ancestor: string, descendant: string): boolean {
  return descendant.length > ancestor.length && descendant.startsWith(`${ancestor}/`);
}

/** The path of the system at `level` that contains `path` (itself at its own level), or null. */
export function pathAtLevel(path: string, level: number): string | null {
  if (!Number.isInteger(level) || level < 0) return null;
  const segments = path.split("/");
  return level < segments.length ? segments.slice(0, level + 1).join("/") : null;
}

/** Whether `inner` lies in the subtree of `outer` (itself included). */
export function isWithin(outer: string, inner: string): boolean {
  return inner === outer || isAncestor(outer, inner);
}
