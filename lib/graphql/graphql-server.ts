import { createYoga, maskError, type GraphQLSchemaWithContext, type YogaInitialContext } from "graphql-yoga";
import type { Logger } from "pino";
import type { GraphqlContext } from "@/lib/graphql/context";
import { GRAPHQL_LIMITS, MAX_BODY_BYTES } from "@/lib/graphql/endpoint-limits";
import { limitsPlugin } from "@/lib/graphql/limits/limits-plugin";
import { logFieldErrors } from "@/lib/graphql/log-field-errors";

export const GRAPHQL_PATH = "/api/graphql";

/**
 * The yoga instance behind /api/graphql, built once per process; the route hands it each request
 * with that request's context (lib/graphql/graphql-route.ts). Tests build one over a schema of
 * their own to watch its resolvers.
 *
 * - No GraphiQL and no landing page: they are HTML pages with inline scripts, which the console's
 *   Content Security Policy (lib/http/security-headers.ts) forbids, and an API has no need of them.
 * - No CORS: yoga's default echoes any Origin with credentials allowed, which would let any site
 *   read a signed-in operator's model. The console's own pages are same-origin.
 * - No multipart (file uploads) and no batching: reads need neither.
 * - Masked errors always: an unexpected failure answers "Unexpected error." (logged first by
 *   logFieldErrors), never a stack, SQL or a database message — not even under `next dev`, where
 *   yoga's default would add them.
 */
export function createGraphqlServer(schema: GraphQLSchemaWithContext<GraphqlContext & YogaInitialContext>, log: Logger) {
  return createYoga<GraphqlContext>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    graphiql: false,
    landingPage: false,
    cors: false,
    multipart: false,
    batching: false,
    maxRequestBodySize: MAX_BODY_BYTES,
    maskedErrors: { maskError: (error, message) => maskError(error, message, false) },
    logging: {
      debug: () => undefined,
      info: () => undefined,
      warn: (...args: unknown[]) => log.warn({ detail: args }, "GraphQL server warning"),
      error: (...args: unknown[]) => log.error({ err: args[0] }, "GraphQL server error"),
    },
    plugins: [limitsPlugin(GRAPHQL_LIMITS), logFieldErrors()],
  });
}
