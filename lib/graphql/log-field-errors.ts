import { GraphQLError } from "graphql";
import { isAsyncIterable, type Plugin } from "graphql-yoga";
import type { GraphqlContext } from "@/lib/graphql/context";

/**
 * Logs a resolver's unexpected failure (a database error, a bug) with the request's logger, so the
 * line carries the request id, before yoga masks it as "Unexpected error." in the answer. Runs
 * ahead of the masking, which yoga installs after the plugins it is given. A GraphQLError is an
 * answer meant for the reader (a bad cursor, a page too large), not a failure.
 */
export function logFieldErrors(): Plugin<GraphqlContext> {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, args }) {
          if (isAsyncIterable(result)) return;
          for (const error of result.errors ?? []) {
            if (error.originalError && !(error.originalError instanceof GraphQLError)) {
              args.contextValue.log.error({ err: error.originalError, path: error.path }, "GraphQL field failed");
            }
          }
        },
      };
    },
  };
}
