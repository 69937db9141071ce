import { GraphQLError } from "graphql";

/** A list's page when `first` is not given, and the most one page may hold. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

/** The rows to read for a page of `first`: one more than it holds, to know whether another follows. */
export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new GraphQLError(`first must be between 1 and ${MAX_PAGE_SIZE}, got ${size}`, {
      extensions: { code: "BAD_USER_INPUT", argument: "first" },
    });
  }
  return size;
}
