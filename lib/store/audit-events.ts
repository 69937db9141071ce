import "server-only";
import { write, type SqlRunner } from "@/lib/store/sql-runner";

/**
 * One entry of the audit trail (docs/telemetry-in.md "The audit trail"): who, what, on which part of the model. The
 * table is append-only — triggers refuse UPDATE, DELETE and TRUNCATE — so entries are written in
 * the same transaction as the change they describe, and a change that rolls back leaves none.
 */
export interface AuditEntry {
  /** `key:<id>` for an API key, `cli:<user>` for a command run on the server, `system` for the console itself. */
  actor: string;
  /** What was done, as `<thing>.<verb>`: `telemetry.write`, `key.create`, `model.import`… */
  action: string;
  /** The system path or key id it touched, when there is one. */
  target?: string | null;
  detail: Record<string, unknown>;
}

export async function appendAudit(tx: Pick<SqlRunner, "query" | "defer">, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await write(
    tx,
    `INSERT INTO "audit_event" (actor, action, target, detail)
     SELECT actor, action, target, detail::jsonb FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS a(actor, action, target, detail)`,
    [
      entries.map((e) => e.actor),
      entries.map((e) => e.action),
      entries.map((e) => e.target ?? null),
      entries.map((e) => JSON.stringify(e.detail)),
    ],
  );
}

export interface AuditRow extends AuditEntry {
  id: number;
  at: Date;
}

/** The newest entries first, for the key CLI and tests. */
export async function recentAudit(sql: Pick<SqlRunner, "query">, limit = 100): Promise<AuditRow[]> {
  const rows = await sql.query<{
    id: string | number;
    at: Date;
    actor: string;
    action: string;
    target: string | null;
    detail: Record<string, unknown>;
  }>(`SELECT id, at, actor, action, target, detail FROM "audit_event" ORDER BY id DESC LIMIT $1`, [limit]);
  return rows.map((r) => ({ ...r, id: Number(r.id), at: new Date(r.at) }));
}
