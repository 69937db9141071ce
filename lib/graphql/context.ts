import type { Logger } from "pino";
import type { Actor } from "@/lib/auth/actor";
import type { Loaders } from "@/lib/graphql/loaders";
import type { SqlRunner } from "@/lib/store/sql-runner";

/** What every resolver gets, made afresh for each request by the route (lib/graphql/graphql-route.ts). */
export interface GraphqlContext {
  actor: Actor;
  /** `scopesWith(actor, "read")`: the subtrees every read is limited to, inside its query. */
  scopes: readonly string[];
  sql: Pick<SqlRunner, "query">;
  /** The request's time: the end of a variety window. */
  now: number;
  /** Batched reads, per request: never shared between readers. */
  loaders: Loaders;
  /** The request's logger (request id, method, path). */
  log: Logger;
}
