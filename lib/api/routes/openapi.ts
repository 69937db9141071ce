import { z } from "zod";
import { defineRoute } from "@/lib/api/define-route";

/**
 * The document is public: it describes the shape of the API, which is no secret (the code is
 * open), and holds no data — no system, unit or signal. Tools (code generators, API explorers)
 * fetch it without credentials; every route it lists still asks for its own.
 */
export const getOpenApiDocument = defineRoute({
  operationId: "getOpenApiDocument",
  method: "get",
  path: "/api/v1/openapi.json",
  permission: "public",
  tag: "Meta",
  summary: "This OpenAPI 3.1 document",
  response: {
    status: 200,
    description: "The OpenAPI document, generated from the same zod schemas the routes parse with",
    schema: z.record(z.string(), z.unknown()).meta({ description: "An OpenAPI 3.1 document" }),
  },
});
