import { scopeCovers } from "@/lib/auth/permissions";

/**
 * The reader's subtrees limited to the subtree at `under`: `under` itself when one of them covers
 * it, otherwise those of them that lie inside it (none: nothing to see there). What a list with a
 * subtree filter puts in its `where`, so the filter can only narrow what the reader may see.
 */
export function narrowScopes(scopes: readonly string[], under: string | undefined): string[] {
  if (under === undefined) return [...scopes];
  if (scopes.some((scope) => scopeCovers(scope, under))) return [under];
  return scopes.filter((scope) => scopeCovers(under, scope));
}
