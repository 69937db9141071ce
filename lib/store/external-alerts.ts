import "server-only";
import type { ExternalAlertEvent } from "@/lib/ingest/alertmanager/decode-alerts";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { toMillis, toTimestamp } from "@/lib/store/sql-time";

/** One stored alert as the batch left it, for its signal: the received fields, its row id and its unit's system. */
export type StoredAlert = Pick<ExternalAlertEvent, "unitPath" | "name" | "labels" | "annotations" | "startsAt" | "endsAt" | "resolved"> & {
  id: number;
  systemId: number | null;
};

/**
 * Stores received alerts, one row per alert (Alertmanager's fingerprint) and start. A re-send of a
 * firing alert extends its end; the resolving re-send (an `endsAt` in the past) marks it resolved.
 * The unit is linked when the model has it; an alert for an unknown unit is kept with no system
 * (and counted as unassigned by the caller), so nothing a sender said is lost. Returns how many
 * alerts were new and how many updated, and each stored row.
 */
export async function upsertExternalAlerts(
  tx: SqlRunner,
  alerts: readonly ExternalAlertEvent[],
): Promise<{ created: number; updated: number; rows: StoredAlert[] }> {
  if (alerts.length === 0) return { created: 0, updated: 0, rows: [] };
  const rows = await tx.query<StoredAlert & { inserted: boolean }>(
    `WITH input AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::float8[], $9::bool[])
         AS a(unit_path, fingerprint, name, labels, annotations, generator_url, starts, ends, resolved)
     )
     INSERT INTO "external_alert" AS x (unit_path, system_id, fingerprint, name, labels, annotations, generator_url, starts_at, ends_at, resolved)
     SELECT i.unit_path, s.id, i.fingerprint, i.name, i.labels::jsonb, i.annotations::jsonb, i.generator_url,
            ${toTimestamp("i.starts")}, ${toTimestamp("i.ends")}, i.resolved
       FROM input i LEFT JOIN "system" s ON s.path = i.unit_path
     ON CONFLICT (fingerprint, starts_at) DO UPDATE SET ends_at = excluded.ends_at, resolved = excluded.resolved,
       annotations = excluded.annotations, generator_url = excluded.generator_url, system_id = excluded.system_id, last_received = now()
     RETURNING x.id, x.system_id AS "systemId", x.unit_path AS "unitPath", x.name, x.labels, x.annotations,
               ${toMillis("x.starts_at")} AS "startsAt", ${toMillis("x.ends_at")} AS "endsAt", x.resolved, (xmax = 0) AS inserted`,
    [
      alerts.map((a) => a.unitPath),
      alerts.map((a) => a.fingerprint),
      alerts.map((a) => a.name),
      alerts.map((a) => JSON.stringify(a.labels)),
      alerts.map((a) => JSON.stringify(a.annotations)),
      alerts.map((a) => a.generatorURL),
      alerts.map((a) => a.startsAt),
      alerts.map((a) => a.endsAt),
      alerts.map((a) => a.resolved),
    ],
  );
  const created = rows.filter((r) => r.inserted).length;
  return { created, updated: rows.length - created, rows };
}
