import "server-only";
import type { Logger } from "pino";
import { scopesWith } from "@/lib/auth/permissions";
import type { GraphqlContext } from "@/lib/graphql/context";
import { createGraphqlServer } from "@/lib/graphql/graphql-server";
import { createLoaders } from "@/lib/graphql/loaders";
import { graphqlSchema } from "@/lib/graphql/schema";
import type { createRouteWrapper, RouteHandler } from "@/lib/http";
import type { SqlRunner } from "@/lib/store/sql-runner";

export interface GraphqlRouteDeps {
  /** The database the reads go to: the app's, or a test's scratch database. */
  sql: () => Promise<Pick<SqlRunner, "query">>;
  /** Logs what yoga reports outside any request. */
  log: Logger;
  /** The request's time (the end of a variety window); the clock unless a test fixes it. */
  now?: () => number;
}

/**
 * /api/graphql (docs/graphql.md) on a route wrapper: the app passes its own (app/api/graphql/route.ts),
 * tests one with their key store and a scratch database. The wrapper resolves the actor and
 * requires `read` (anonymous 401, an ingest key 403, in the console's JSON error shape); yoga,
 * built once, answers the rest with that actor's subtrees and fresh loaders in its context.
 */
export function graphqlRoute(withRoute: ReturnType<typeof createRouteWrapper>, deps: GraphqlRouteDeps): RouteHandler {
  const yoga = createGraphqlServer(graphqlSchema, deps.log);
  const now = deps.now ?? Date.now;
  return withRoute({ permission: "read" }, async ({ request, actor, log }) => {
    const sql = await deps.sql();
    const scopes = scopesWith(actor, "read");
    const context: GraphqlContext = { actor, scopes, sql, now: now(), loaders: createLoaders(sql, scopes), log };
    return yoga.fetch(asGraphqlMethod(request), context);
  });
}

/** HEAD is answered as GET (the route allows it, as every GET route does); yoga itself knows only GET and POST. */
function asGraphqlMethod(request: Request): Request {
  return request.method === "HEAD" ? new Request(request.url, { method: "GET", headers: request.headers }) : request;
}
