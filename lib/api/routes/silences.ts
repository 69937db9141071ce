import { defineRoute } from "@/lib/api/define-route";
import { createSilenceBody, silenceParams, silenceResponse, silencesQuery, silencesResponse } from "@/lib/api/schemas/silences";

export const listSilences = defineRoute({
  operationId: "listSilences",
  method: "get",
  path: "/api/v1/silences",
  permission: "read",
  tag: "Silences",
  summary: "Silences that can hide the caller's signals",
  description:
    "Silences on a unit the caller may read, on a subtree containing one, or naming no unit; by default only those not yet ended.",
  query: silencesQuery,
  response: { status: 200, description: "The silences", schema: silencesResponse },
});

export const createSilence = defineRoute({
  operationId: "createSilence",
  method: "post",
  path: "/api/v1/silences",
  permission: "operate",
  permissionNote: "operate on the matcher's unitPath (on the whole model for a silence that names no unit)",
  tag: "Silences",
  summary: "Create a silence",
  body: createSilenceBody,
  response: { status: 201, description: "The silence", schema: silenceResponse },
});

export const endSilence = defineRoute({
  operationId: "endSilence",
  method: "post",
  path: "/api/v1/silences/{id}/end",
  permission: "operate",
  permissionNote: "operate on the silence's unit (on the whole model for a silence that names no unit)",
  tag: "Silences",
  summary: "End a silence now",
  description: "It stays on record, ended. A silence already ended, or not the caller's to see, is not found.",
  params: silenceParams,
  response: { status: 200, description: "The ended silence", schema: silenceResponse },
  errors: ["not_found"],
});
