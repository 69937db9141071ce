import { defineRoute } from "@/lib/api/define-route";
import { observationsQuery, observationsResponse } from "@/lib/api/schemas/observations";

export const getObservations = defineRoute({
  operationId: "getObservations",
  method: "get",
  path: "/api/v1/observations",
  permission: "read",
  tag: "Telemetry",
  summary: "An indicator's observations in buckets",
  description:
    "Count, sum, mean, standard deviation, minimum and maximum per step over [from, to), summed in the database from the stored minute, hour or day roll-ups (the coarsest that tiles every step) and the points not yet folded into them.",
  query: observationsQuery,
  response: { status: 200, description: "The buckets", schema: observationsResponse },
  errors: ["not_found"],
});
