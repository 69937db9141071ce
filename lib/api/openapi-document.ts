import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import type { ApiRoute } from "@/lib/api/define-route";
import { API_ROUTES } from "@/lib/api/route-table";
import { INGEST_OPERATIONS } from "@/lib/api/routes/ingest";
import { errorSchema } from "@/lib/api/schemas/common";
import { ERROR_STATUS, type ErrorCode } from "@/lib/errors";

/** What each refusal means, once for every route that may answer it. */
const ERROR_MEANINGS: Partial<Record<ErrorCode, string>> = {
  bad_request: "Malformed: a missing or unknown field, or a wrong type; `details` names each, with where it was (params, query or body)",
  unauthorized: "No credentials, or an API key that is not valid or was revoked",
  forbidden: "The caller lacks the permission on the system concerned",
  not_found: "No such thing, or not the caller's to see",
  conflict: "Not possible in its current state, or a concurrent change got there first",
  payload_too_large: "The body is over the route's limit",
  unsupported_media_type: "The body is not application/json",
  validation_failed: "A value breaks a rule; `details` names each field",
  rate_limited: "Too many requests with this API key; see Retry-After",
  internal: "Something went wrong on the server; the answer carries no internals, the log has the request id",
};

function errorCodes(route: ApiRoute): ErrorCode[] {
  const codes = new Set<ErrorCode>(route.errors ?? []);
  if (route.permission !== "public") for (const code of ["unauthorized", "forbidden", "rate_limited"] as const) codes.add(code);
  if (route.params || route.query || route.body) for (const code of ["bad_request", "validation_failed"] as const) codes.add(code);
  if (route.body) for (const code of ["payload_too_large", "unsupported_media_type"] as const) codes.add(code);
  codes.add("internal");
  return [...codes].sort((a, b) => ERROR_STATUS[a] - ERROR_STATUS[b]);
}

function responsesOf(route: ApiRoute): ZodOpenApiResponsesObject {
  const { status, description, schema, alternatives = {} } = route.response;
  const responses: ZodOpenApiResponsesObject = {
    [`${status}`]: {
      description,
      content: {
        "application/json": { schema },
        ...Object.fromEntries(Object.keys(alternatives).map((type) => [type, { schema: { type: "string" } }])),
      },
    },
  };
  for (const code of errorCodes(route)) {
    responses[`${ERROR_STATUS[code]}`] = {
      description: ERROR_MEANINGS[code] ?? code,
      content: { "application/json": { schema: errorSchema } },
    };
  }
  return responses;
}

function operationOf(route: ApiRoute): ZodOpenApiOperationObject {
  const access =
    route.permission === "public"
      ? "Public: no credentials needed."
      : `Needs the \`${route.permission}\` permission${route.permissionNote ? ` (${route.permissionNote})` : ""}.`;
  const alternatives = Object.entries(route.response.alternatives ?? {}).map(([type, alt]) => `${type}: ${alt.description}.`);
  return {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    description: [route.description, access, ...alternatives].filter(Boolean).join("\n\n"),
    "x-permission": route.permission,
    security: route.permission === "public" ? [] : [{ apiKey: [] }, { session: [] }],
    ...(route.params || route.query
      ? { requestParams: { ...(route.params ? { path: route.params } : {}), ...(route.query ? { query: route.query } : {}) } }
      : {}),
    ...(route.body ? { requestBody: { required: true, content: { "application/json": { schema: route.body } } } } : {}),
    responses: responsesOf(route),
  };
}

function buildDocument() {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of API_ROUTES) paths[route.path] = { ...paths[route.path], [route.method]: operationOf(route) };
  for (const ingest of INGEST_OPERATIONS) paths[ingest.path] = { ...paths[ingest.path], post: ingest.operation };
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "VSM Console API",
      version: "1.0.0",
      description:
        "Read the recursive model, its telemetry, algedonic signals, variety and diagnosis; act on signals; export and import the model; send telemetry. See docs/api.md. Errors are `{ error: { code, message, details? } }`.",
    },
    security: [{ apiKey: [] }, { session: [] }],
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "vsm_<id>_<secret>",
          description: "An API key from `npm run key -- create`, with one role on one subtree (docs/telemetry-in.md#api-keys).",
        },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "authjs.session-token",
          description:
            "The console's session cookie, after signing in (named __Secure-authjs.session-token over HTTPS). A request that changes something with it must come from the console's own origin.",
        },
      },
    },
    paths,
  });
}

let built: ReturnType<typeof buildDocument> | undefined;

/** The OpenAPI 3.1 document of the API, built once from the route table on first use. */
export function openApiDocument(): ReturnType<typeof buildDocument> {
  built ??= buildDocument();
  return built;
}
