import pino from "pino";
import type { UnassignedCount } from "@/lib/ingest/unassigned";
import { prepareDatabase } from "@/lib/startup/prepare-database";
import { openDatabase } from "@/lib/store/database";
import { countUnassigned } from "@/lib/store/unassigned-points";

const at = (iso: string) => Date.parse(iso);

/**
 * Unassigned points for e2e/unassigned.spec.ts, as the pipeline counts them: anonymous callers
 * cannot post telemetry until API keys are stored, so the runner counts them through the same
 * store function the pipeline calls, batch by batch with each batch's time.
 */
const BATCHES: { at: number; groups: UnassignedCount[] }[] = [
  {
    at: at("2026-11-30T08:00:00Z"),
    groups: [
      { source: "otlp", unitPath: "acme/payments/checkout", indicatorKey: "queue-depth", code: "unknown_indicator", count: 8_000 },
      { source: "json", unitPath: "acme/payments/refunds", indicatorKey: "refund-latency", code: "unknown_unit", count: 7 },
    ],
  },
  {
    at: at("2026-11-30T09:15:00Z"),
    groups: [
      { source: "otlp", unitPath: "acme/payments/checkout", indicatorKey: "queue-depth", code: "unknown_indicator", count: 4_000 },
      { source: "otlp", unitPath: null, indicatorKey: "process-cpu-seconds", code: "missing_unit", count: 30 },
    ],
  },
  {
    at: at("2026-11-30T10:40:00Z"),
    groups: [
      { source: "otlp", unitPath: "acme/payments/fraud", indicatorKey: "score-p99", code: "unknown_unit", count: 4 },
      { source: "alertmanager", unitPath: "acme/payments/fraud", indicatorKey: null, code: "unknown_unit", count: 2 },
    ],
  },
];

/**
 * Prepares the e2e database before the server starts: the same first-start path the server runs
 * (migrations, then the SaaS example), then the unassigned counts. The embedded database belongs
 * to one process at a time, so this must finish — and close it — before `next start` opens it.
 */
export async function prepareE2eDatabase(env: { DATABASE_URL?: string; VSM_DATA_DIR: string }): Promise<void> {
  const db = openDatabase(env);
  try {
    await prepareDatabase(db, { VSM_SEED_EXAMPLE: "saas" }, pino({ level: "warn" }));
    for (const batch of BATCHES) await db.sql.transaction((tx) => countUnassigned(tx, batch.groups, batch.at));
  } finally {
    await db.close();
  }
}
