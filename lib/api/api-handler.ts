import "server-only";
import type { z } from "zod";
import type { ApiRoute } from "@/lib/api/define-route";
import type { createRouteWrapper, ParsedInput, RouteContext, RouteHandler } from "@/lib/http";
import type { Database } from "@/lib/store/database";

export type WithRoute = ReturnType<typeof createRouteWrapper>;

/** What the REST handlers need: the database and a clock, the app's own or a test's. */
export interface ApiDeps {
  database: () => Promise<Database>;
  now: () => number;
}

type Schema = z.ZodType | undefined;
type Fields = z.ZodType<unknown, Record<string, unknown>> | undefined;

/**
 * A route handler built from its entry in the API table: the wrapper gets the route's permission
 * and its params, query and body schemas — the same objects the OpenAPI document is made from —
 * and the implementation must answer with the route's response type (or, for another
 * representation the route declares, a Response of its own).
 */
export function apiHandler<P extends Fields, Q extends Fields, B extends Schema, R extends z.ZodType>(
  withRoute: WithRoute,
  route: ApiRoute<P, Q, B, R>,
  handle: (context: RouteContext<P, Q, B>) => Promise<z.output<R> | Response>,
  /** The system path the request touches, checked against the actor's scopes once the input is parsed. */
  scope?: (input: ParsedInput<P, Q, B>) => string,
): RouteHandler {
  return withRoute<P, Q, B>(
    {
      permission: route.permission,
      ...(route.params ? { params: route.params } : {}),
      ...(route.query ? { query: route.query } : {}),
      ...(route.body ? { body: route.body } : {}),
      ...(route.maxBodyBytes ? { maxBodyBytes: route.maxBodyBytes } : {}),
      ...(scope ? { scope } : {}),
    },
    async (context) => {
      const answer = await handle(context);
      return answer instanceof Response ? answer : Response.json(answer, { status: route.response.status });
    },
  );
}
