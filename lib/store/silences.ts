import "server-only";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { toMillis, toTimestamp } from "@/lib/store/sql-time";
import { silenceSchema, type Silence } from "@/lib/vsm/algedonic/schemas";

type Sql = Pick<SqlRunner, "query">;

export async function insertSilence(tx: Sql, silence: Silence): Promise<void> {
  await tx.query(
    `INSERT INTO "silence" (id, matcher, starts_at, ends_at, reason, created_by, created_at)
     VALUES ($1, $2::jsonb, ${toTimestamp("$3::float8")}, ${toTimestamp("$4::float8")}, $5, $6, ${toTimestamp("$7::float8")})`,
    [silence.id, JSON.stringify(silence.matcher), silence.startsAt, silence.endsAt, silence.reason, silence.createdBy, silence.createdAt],
  );
}

/** Ends an active silence at `now`; false when there is none by that id still running. */
export async function expireSilence(tx: Sql, id: string, now: number): Promise<boolean> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE "silence" SET ends_at = greatest(starts_at + interval '1 millisecond', ${toTimestamp("$2::float8")})
      WHERE id = $1 AND ends_at > ${toTimestamp("$2::float8")} RETURNING id`,
    [id, now],
  );
  return rows.length > 0;
}

/** Silences that have not ended by `since` (epoch ms): the ones that can hide anything from then on. */
export async function silencesActiveSince(sql: Sql, since: number): Promise<Silence[]> {
  const rows = await sql.query<Record<string, unknown>>(
    `SELECT id, matcher, ${toMillis("starts_at")} AS "startsAt", ${toMillis("ends_at")} AS "endsAt", reason,
            created_by AS "createdBy", ${toMillis("created_at")} AS "createdAt"
       FROM "silence" WHERE ends_at > ${toTimestamp("$1::float8")} ORDER BY starts_at`,
    [since],
  );
  return rows.map((row) => silenceSchema.parse(row));
}
