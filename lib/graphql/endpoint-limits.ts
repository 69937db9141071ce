import type { Limits } from "@/lib/graphql/limits/limits-plugin";
import { MAX_PAGE_SIZE } from "@/lib/graphql/page-size";

/** The most bytes a request body may have: the query and its variables (yoga answers 413 beyond). */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * The endpoint's limits (docs/graphql.md, "Limits"). The cost budget admits a full page of 100
 * signals with a few fields of their timelines and units, or a page of 100 systems with their
 * indicators, but not a walk three levels down `units` with every indicator: nested lists multiply,
 * and the whole model is better read flat, with `systems`. The assumed list lengths (10 unless
 * named here) are guesses, there to make nesting cost.
 */
export const GRAPHQL_LIMITS: Limits = {
  maxQueryBytes: 16 * 1024,
  maxDepth: 8,
  maxIntrospectionNesting: 3,
  cost: {
    budget: 5_000,
    defaultListSize: 10,
    variableFirst: MAX_PAGE_SIZE,
    listSizes: {
      "Query.roots": 3,
      "System.functions": 5,
      "Variety.trees": 3,
      "LevelVariety.stages": 5,
      "Homeostat.steps": 6,
    },
  },
};
