import { defineRoute } from "@/lib/api/define-route";
import { diagnosisResponse, varietyQuery, varietyResponse } from "@/lib/api/schemas/analysis";

export const getVariety = defineRoute({
  operationId: "getVariety",
  method: "get",
  path: "/api/v1/variety",
  permission: "read",
  tag: "Analysis",
  summary: "Requisite variety over a window ending now",
  description:
    "As the Variety page: per tree, each system's H(D), H(R) and deficit, each level's attenuators and amplifiers, and the S3↔S4 homeostats. Variety is measured over whole trees, so a tree is given to those who may read its root.",
  query: varietyQuery,
  response: { status: 200, description: "The variety report", schema: varietyResponse },
});

export const getDiagnosis = defineRoute({
  operationId: "getDiagnosis",
  method: "get",
  path: "/api/v1/diagnosis",
  permission: "read",
  tag: "Analysis",
  summary: "The structural diagnosis of the model",
  description:
    "As the Diagnosis page: findings per tree (missing functions and channels, broken algedonic paths, silent indicators, oscillation, audit drift), for each tree whose root the caller may read; unassigned telemetry for readers of the whole model.",
  response: { status: 200, description: "The diagnosis", schema: diagnosisResponse },
});
