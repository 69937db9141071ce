import "server-only";
import { METRIC_TYPES, type MetricType } from "@/lib/ingest/prometheus/remote-write-descriptor";
import type { SqlRunner } from "@/lib/store/sql-runner";

const isMetricType = (type: string): type is MetricType => (METRIC_TYPES as readonly string[]).includes(type);

/** The longest family name kept; longer ones are not valid indicator names anyway. */
const MAX_FAMILY = 200;

/** Every metric family's declared type. A few thousand rows at most: one per metric name. */
export async function readMetricTypes(sql: SqlRunner): Promise<Map<string, MetricType>> {
  const types = new Map<string, MetricType>();
  for (const { family, type } of await sql.query<{ family: string; type: string }>(`SELECT family, type FROM "metric_type"`)) {
    if (isMetricType(type)) types.set(family, type);
  }
  return types;
}

export async function writeMetricTypes(sql: SqlRunner, types: ReadonlyMap<string, MetricType>): Promise<void> {
  const entries = [...types].filter(([family]) => family.length <= MAX_FAMILY);
  if (entries.length === 0) return;
  await sql.query(
    `INSERT INTO "metric_type" (family, type, updated_at) SELECT family, type, now() FROM unnest($1::text[], $2::text[]) AS t(family, type)
     ON CONFLICT (family) DO UPDATE SET type = excluded.type, updated_at = now()`,
    [entries.map(([family]) => family), entries.map(([, type]) => type)],
  );
}
