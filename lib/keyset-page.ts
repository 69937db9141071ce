/**
 * A keyset page from rows read with one more than it holds (REST and GraphQL lists alike): the
 * page, and whether more follow.
 */
export function pageOf<T>(rows: readonly T[], size: number): { page: T[]; hasNextPage: boolean } {
  return { page: rows.slice(0, size), hasNextPage: rows.length > size };
}
