import { z } from "zod";
import { defineRoute } from "@/lib/api/define-route";

/**
 * The document needs a reader, like every API route but health and readiness (docs/access.md):
 * it holds no data, but the console's rule is that nobody anonymous learns anything of it. A
 * signed-in person opens it in the browser; a program fetches it with its key.
 */
export const getOpenApiDocument = defineRoute({
  operationId: "getOpenApiDocument",
  method: "get",
  path: "/api/v1/openapi.json",
  permission: "read",
  tag: "Meta",
  summary: "This OpenAPI 3.1 document",
  response: {
    status: 200,
    description: "The OpenAPI document, generated from the same zod schemas the routes parse with",
    schema: z.record(z.string(), z.unknown()).meta({ description: "An OpenAPI 3.1 document" }),
  },
});
