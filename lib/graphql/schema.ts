import "server-only";
import { createSchema } from "graphql-yoga";
import type { GraphqlContext } from "@/lib/graphql/context";
import { modelQueries, systemResolvers } from "@/lib/graphql/model-resolvers";
import { signalQueries, signalResolvers, timelineEntryResolvers } from "@/lib/graphql/signal-resolvers";
import { typeDefs } from "@/lib/graphql/type-defs";
import { varietyQueries, varietyResolvers } from "@/lib/graphql/variety-resolvers";

/** The executable schema: the SDL and its resolvers; a resolver for a field the SDL lacks fails here, at start. */
export const graphqlSchema = createSchema<GraphqlContext>({
  typeDefs,
  resolvers: {
    Query: { ...modelQueries, ...signalQueries, ...varietyQueries },
    System: systemResolvers,
    Signal: signalResolvers,
    TimelineEntry: timelineEntryResolvers,
    ...varietyResolvers,
  },
});
