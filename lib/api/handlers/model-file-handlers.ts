import "server-only";
import { apiHandler, type ApiDeps, type WithRoute } from "@/lib/api/api-handler";
import { openApiDocument } from "@/lib/api/openapi-document";
import { exportModel, importModel } from "@/lib/api/routes/model";
import { getOpenApiDocument } from "@/lib/api/routes/openapi";
import { auditActor } from "@/lib/auth/audit-actor";
import { printModel } from "@/lib/model-file/print-model";
import { exportModel as readModel } from "@/lib/store/model-export";
import { importModel as writeModel } from "@/lib/store/model-import";

/** The whole model: a file to read or write is the whole model's, so both need their permission on all of it (scope ""). */
export function modelFileHandlers(withRoute: WithRoute, deps: ApiDeps) {
  return {
    exportModel: apiHandler(
      withRoute,
      exportModel,
      async ({ query }) => {
        const model = await readModel(await deps.database());
        if (query.format === "json") return model;
        return new Response(printModel(model, "yaml"), { headers: { "content-type": "application/yaml; charset=utf-8" } });
      },
      () => "",
    ),

    // The body was parsed by the model file's own schema before this runs: a bad file never reaches the database.
    importModel: apiHandler(
      withRoute,
      importModel,
      async ({ body, actor }) => writeModel(await deps.database(), body, auditActor(actor)),
      () => "",
    ),

    // Spread into a plain object: the document's interface declares no index signature for the record type to accept.
    getOpenApiDocument: apiHandler(withRoute, getOpenApiDocument, async () => ({ ...openApiDocument() })),
  };
}
