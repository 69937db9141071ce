import { defineRoute } from "@/lib/api/define-route";
import { indicatorsQuery, indicatorsResponse } from "@/lib/api/schemas/indicators";
import { systemsQuery, systemsResponse, unitsQuery, unitsResponse } from "@/lib/api/schemas/systems";

/*
 * Systems are named by their paths, which contain "/" (acme/ops/payments). They travel as query
 * parameters rather than in the URL's path: a catch-all segment (/systems/acme/ops/payments) could
 * not be followed by a sub-resource (/units) without clashing with a unit whose slug is "units",
 * and an encoded slash (%2F) in a path segment is decoded, refused or normalised differently by
 * proxies and clients. A query parameter carries any path unchanged, and OpenAPI can describe it.
 */

export const listSystems = defineRoute({
  operationId: "listSystems",
  method: "get",
  path: "/api/v1/systems",
  permission: "read",
  tag: "Model",
  summary: "The systems the caller may read",
  description:
    "Every system in the caller's subtrees, flat and ordered by path, each with its functions, indicator count and running signals.",
  query: systemsQuery,
  response: { status: 200, description: "The systems", schema: systemsResponse },
});

export const listUnits = defineRoute({
  operationId: "listUnits",
  method: "get",
  path: "/api/v1/units",
  permission: "read",
  tag: "Model",
  summary: "The S1 units of a system",
  description: "A system's S1 operational units are its child systems. Units outside the caller's subtrees are left out.",
  query: unitsQuery,
  response: { status: 200, description: "The system's units", schema: unitsResponse },
  errors: ["not_found"],
});

export const listIndicators = defineRoute({
  operationId: "listIndicators",
  method: "get",
  path: "/api/v1/indicators",
  permission: "read",
  tag: "Model",
  summary: "The indicators of a unit, with their filter state",
  description: "Each indicator with how far its Cyberstride filter has stepped and a summary of its latest stored state.",
  query: indicatorsQuery,
  response: { status: 200, description: "The unit's indicators, by key", schema: indicatorsResponse },
  errors: ["not_found"],
});
