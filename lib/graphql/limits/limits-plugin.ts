import { GraphQLError, type ExecutionResult } from "graphql";
import type { Plugin } from "graphql-yoga";
import { costLimitRule, type CostOptions } from "@/lib/graphql/limits/cost-limit";
import { depthLimitRule } from "@/lib/graphql/limits/depth-limit";
import { introspectionLimitRule } from "@/lib/graphql/limits/introspection-limit";

export interface Limits {
  /** The most bytes a query text may have (UTF-8), in a GET's query string or a POST's body. */
  maxQueryBytes: number;
  maxDepth: number;
  /** How many times introspection may nest a type's member lists. */
  maxIntrospectionNesting: number;
  cost: CostOptions;
}

/**
 * The endpoint's limits as one yoga plugin: the query's size is checked before it is parsed, its
 * depth and cost as validation rules, so a refused query never reaches a resolver; and a request
 * refused before execution (unparsable, invalid, over a limit) answers 4xx whatever the client's
 * Accept header, where yoga would answer 200 to `application/json` (the GraphQL-over-HTTP spec's
 * legacy rule): an operator's curl or script should see a refusal as one.
 */
export function limitsPlugin(limits: Limits): Plugin {
  const rules = [depthLimitRule(limits.maxDepth), introspectionLimitRule(limits.maxIntrospectionNesting), costLimitRule(limits.cost)];
  return {
    onParams({ params }) {
      const bytes = Buffer.byteLength(params.query ?? "", "utf8");
      if (bytes > limits.maxQueryBytes) {
        throw new GraphQLError(`The query is ${bytes} bytes long, more than the maximum of ${limits.maxQueryBytes} bytes`, {
          extensions: { code: "QUERY_TOO_LARGE", bytes, maxBytes: limits.maxQueryBytes, http: { status: 413 } },
        });
      }
    },
    onValidate({ addValidationRule }) {
      for (const rule of rules) addValidationRule(rule);
    },
    onResultProcess({ result, setResult }) {
      if (isRequestError(result)) setResult({ ...result, extensions: { ...result.extensions, http: { status: 400 } } });
    },
  };
}

/**
 * Errors and no data, none of them a field's: the request was refused before it executed (or it
 * named an operation the schema lacks). A field's failure has a path and leaves `data`.
 */
function isRequestError(result: ExecutionResult | readonly ExecutionResult[] | AsyncIterable<ExecutionResult>): result is ExecutionResult {
  if (isList(result) || Symbol.asyncIterator in result) return false;
  const errors = result.errors ?? [];
  return errors.length > 0 && (result.data === undefined || result.data === null) && errors.every((error) => error.path === undefined);
}

/** Array.isArray does not narrow a readonly array's union (TypeScript's lib types it `any[]`). */
function isList(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}
