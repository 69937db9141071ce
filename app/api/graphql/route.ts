import { getDatabase } from "@/lib/db";
import { graphqlRoute } from "@/lib/graphql/graphql-route";
import { withRoute } from "@/lib/http";
import { routeMethods } from "@/lib/http/methods";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

/** GraphQL reads of the model, signals and variety (docs/graphql.md): queries by GET or POST, no mutations. */
const graphql = graphqlRoute(withRoute, { sql: async () => (await getDatabase()).sql, log: log.child({ concern: "graphql" }) });

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: graphql, POST: graphql });
