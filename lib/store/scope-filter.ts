import "server-only";

/**
 * A SQL condition that `column` (a system path) lies in one of the subtrees bound to `param` as a
 * text array — what lib/auth/permissions.ts' `scopesWith` gives for the actor (`''` is the whole
 * model). Authorization inside the query (STYLE rule 10): rows outside never leave the database.
 * `starts_with`, not LIKE, so no character of a path acts as a wildcard.
 */
export function inScopes(column: string, param: string): string {
  return `(${param}::text[] @> ARRAY['']::text[] OR EXISTS (SELECT 1 FROM unnest(${param}::text[]) AS scope(path)
            WHERE ${column} = scope.path OR starts_with(${column}, scope.path || '/')))`;
}

/** The same condition for Prisma's `where` on a `path` column; `undefined` when it covers everything. */
export function prismaPathIn(scopes: readonly string[]): { OR: ({ path: string } | { path: { startsWith: string } })[] } | undefined {
  if (scopes.includes("")) return undefined;
  // With no scope at all, OR: [] matches nothing, as it should.
  return { OR: scopes.flatMap((scope) => [{ path: scope }, { path: { startsWith: `${scope}/` } }]) };
}
