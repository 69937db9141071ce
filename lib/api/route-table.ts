import type { ApiRoute } from "@/lib/api/define-route";
import { getDiagnosis, getVariety } from "@/lib/api/routes/analysis";
import { exportModel, importModel } from "@/lib/api/routes/model";
import { getObservations } from "@/lib/api/routes/observations";
import { getOpenApiDocument } from "@/lib/api/routes/openapi";
import { createSilence, endSilence, listSilences } from "@/lib/api/routes/silences";
import { acknowledgeSignal, getSignal, listSignals, noteSignal, resolveSignal, silenceSignalUnit } from "@/lib/api/routes/signals";
import { listIndicators, listSystems, listUnits } from "@/lib/api/routes/systems";

/**
 * The one table of REST routes (docs/api.md): each entry's handler is built from it
 * (lib/api/api-routes.ts) and the OpenAPI document lists exactly these, plus the telemetry
 * endpoints of lib/api/routes/ingest.ts. lib/api/openapi-coverage.test.ts checks that every
 * method every route file answers is in the document, and every route here has its file.
 */
export const API_ROUTES = [
  listSystems,
  listUnits,
  listIndicators,
  getObservations,
  listSignals,
  getSignal,
  acknowledgeSignal,
  resolveSignal,
  noteSignal,
  silenceSignalUnit,
  listSilences,
  createSilence,
  endSilence,
  getVariety,
  getDiagnosis,
  exportModel,
  importModel,
  getOpenApiDocument,
] as const satisfies readonly ApiRoute[];
