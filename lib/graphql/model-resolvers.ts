import "server-only";
import type { GraphqlContext } from "@/lib/graphql/context";
import { systemCursorOf, systemPathOf } from "@/lib/graphql/cursor";
import { pageSize } from "@/lib/graphql/page-size";
import { pageOf } from "@/lib/keyset-page";
import { rootSystemsIn, systemsByPaths, systemsIn, type SystemRecord } from "@/lib/store/model-reads";

/**
 * The model's resolvers (docs/graphql.md). Every read passes the reader's subtrees into its query,
 * so a system outside them is absent from lists and null when looked up, and a system's parent
 * is null where the reader's view begins.
 */
export const modelQueries = {
  roots: (_: unknown, __: unknown, ctx: GraphqlContext) => rootSystemsIn(ctx.sql, ctx.scopes),

  system: async (_: unknown, args: { path: string }, ctx: GraphqlContext) =>
    (await systemsByPaths(ctx.sql, [args.path], ctx.scopes))[0] ?? null,

  systems: async (_: unknown, args: { first?: number | null; after?: string | null; under?: string | null }, ctx: GraphqlContext) => {
    const size = pageSize(args.first);
    const after = args.after ? systemPathOf(args.after) : null;
    const rows = await systemsIn(ctx.sql, { scopes: ctx.scopes, under: args.under ?? null, after, limit: size + 1 });
    const { page, hasNextPage } = pageOf(rows, size);
    const last = page.at(-1);
    return { nodes: page, pageInfo: { hasNextPage, endCursor: last ? systemCursorOf(last.path) : null } };
  },
};

export const systemResolvers = {
  parent: async (system: SystemRecord, _: unknown, ctx: GraphqlContext) =>
    system.parentId === null ? null : ((await ctx.loaders.system(system.parentId)) ?? null),
  units: (system: SystemRecord, _: unknown, ctx: GraphqlContext) => ctx.loaders.units(system.id),
  functions: (system: SystemRecord, _: unknown, ctx: GraphqlContext) => ctx.loaders.functions(system.id),
  indicators: (system: SystemRecord, _: unknown, ctx: GraphqlContext) => ctx.loaders.indicators(system.id),
};
