import "server-only";
import { getDatabase } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { withRoute } from "@/lib/http";
import { log } from "@/lib/log";
import { Pipeline } from "@/lib/pipeline/pipeline";
import type { Firing } from "@/lib/signals/fire-deadlines";
import { scheduleDeadlines } from "@/lib/signals/schedule-deadlines";
import { IDEMPOTENCY_RETENTION, MAINTENANCE_INTERVAL } from "@/lib/pipeline/retention";
import type { Database } from "@/lib/store/database";
import { MetricTypeCache } from "@/lib/telemetry/metric-type-cache";
import type { Periodic } from "@/lib/telemetry/run-periodically";
import { scheduleMaintenance, type MaintenanceSchedule } from "@/lib/telemetry/schedule-maintenance";
import { telemetryRoutes } from "@/lib/telemetry/telemetry-routes";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";
import { DAY } from "@/lib/vsm/types";

export interface Telemetry {
  db: Database;
  /** The process's one pipeline, and so its one filter cache. */
  pipeline: Pipeline;
  metricTypes: MetricTypeCache;
}

/**
 * The server's telemetry machinery, kept on globalThis like the database handle so that module
 * reloading in development does not start a second, cold filter cache, nor a second maintenance
 * timer (partitions and retention, at start and hourly: lib/pipeline/maintenance.ts), nor a
 * second deadline worker (escalations, every 5 s: lib/signals/schedule-deadlines.ts).
 */
const holder = globalThis as typeof globalThis & {
  vsmTelemetry?: Promise<Telemetry>;
  vsmMaintenance?: MaintenanceSchedule;
  vsmDeadlines?: Periodic<Firing>;
};

export function getTelemetry(): Promise<Telemetry> {
  holder.vsmTelemetry ??= getDatabase().then(
    (db) => {
      holder.vsmMaintenance ??= startMaintenance(db);
      holder.vsmDeadlines ??= scheduleDeadlines(db, log.child({ concern: "deadlines" }));
      const folds = log.child({ concern: "rollups" });
      const pipeline = new Pipeline(db, {
        onFoldError: (error) => folds.error({ err: error }, "roll-up fold failed; its journal entries wait for the next"),
      });
      return { db, pipeline, metricTypes: new MetricTypeCache(db.sql) };
    },
    (error: unknown) => {
      holder.vsmTelemetry = undefined;
      throw error;
    },
  );
  return holder.vsmTelemetry;
}

function startMaintenance(db: Database): MaintenanceSchedule {
  const retention = {
    raw: getEnv().VSM_RETENTION_RAW_DAYS * DAY,
    rollups: DEFAULT_POLICY.retention,
    idempotency: IDEMPOTENCY_RETENTION,
    monthsAhead: 2,
  };
  return scheduleMaintenance(db, retention, log.child({ concern: "maintenance" }), { interval: MAINTENANCE_INTERVAL });
}

/** The ingestion handlers of the app: its route wrapper, its database. */
export const appTelemetryRoutes = telemetryRoutes(withRoute, getTelemetry);
