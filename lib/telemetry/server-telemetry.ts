import "server-only";
import { getDatabase } from "@/lib/db";
import { withRoute } from "@/lib/http";
import { Pipeline } from "@/lib/pipeline/pipeline";
import type { Database } from "@/lib/store/database";
import { MetricTypeCache } from "@/lib/telemetry/metric-type-cache";
import { telemetryRoutes } from "@/lib/telemetry/telemetry-routes";

export interface Telemetry {
  db: Database;
  /** The process's one pipeline, and so its one filter cache. */
  pipeline: Pipeline;
  metricTypes: MetricTypeCache;
}

/**
 * The server's telemetry machinery, kept on globalThis like the database handle so that module
 * reloading in development does not start a second, cold filter cache.
 */
const holder = globalThis as typeof globalThis & { vsmTelemetry?: Promise<Telemetry> };

export function getTelemetry(): Promise<Telemetry> {
  holder.vsmTelemetry ??= getDatabase().then(
    (db) => ({ db, pipeline: new Pipeline(db), metricTypes: new MetricTypeCache(db.sql) }),
    (error: unknown) => {
      holder.vsmTelemetry = undefined;
      throw error;
    },
  );
  return holder.vsmTelemetry;
}

/** The ingestion handlers of the app: its route wrapper, its database. */
export const appTelemetryRoutes = telemetryRoutes(withRoute, getTelemetry);
