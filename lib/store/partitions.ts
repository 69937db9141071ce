import "server-only";
import { addMonths, partitionMonth, partitionName } from "@/lib/pipeline/retention";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { toCount, toMillis, toTimestamp } from "@/lib/store/sql-time";

/**
 * The monthly partitions of `observation` (docs/design.md §7). DDL cannot take parameters, so
 * every name and bound spliced into it is made here from numbers (partitionName, ISO dates), never
 * from input.
 */

/** One key for every partition change, in any process: two maintenance runs take turns. */
const PARTITION_LOCK = 0x76736d70; // "vsmp"

/**
 * A lock wait longer than this gives up (and maintenance tries again at its next run) rather than
 * queue every insert behind a long reader of `observation`.
 */
const LOCK_TIMEOUT = "10s";

const iso = (ms: number) => new Date(ms).toISOString();

export interface ObservationPartition {
  name: string;
  /** Start of its UTC month (epoch ms). */
  month: number;
}

/** The monthly partitions attached to `observation`, oldest first; other tables (the default) are left out. */
export async function listPartitions(sql: SqlRunner): Promise<ObservationPartition[]> {
  const rows = await sql.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = '"observation"'::regclass`,
  );
  return rows
    .flatMap(({ name }) => {
      const month = partitionMonth(name);
      return month === null ? [] : [{ name, month }];
    })
    .sort((a, b) => a.month - b.month);
}

/** The UTC months that have rows in the default partition, oldest first. */
export async function monthsInDefault(sql: SqlRunner): Promise<number[]> {
  const rows = await sql.query<{ month: number }>(
    `SELECT DISTINCT ${toMillis(`date_trunc('month', observed_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`)} AS month
       FROM "observation_default" ORDER BY 1`,
  );
  return rows.map((r) => r.month);
}

/** Serialises partition changes across processes and bounds how long they wait for table locks. */
async function partitionTransaction<T>(sql: SqlRunner, work: (tx: SqlRunner) => Promise<T>): Promise<T> {
  return sql.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock($1)`, [PARTITION_LOCK]);
    await tx.exec(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
    /*
     * ACCESS EXCLUSIVE on the parent first, before any partition: a batch reads `observation`
     * (ACCESS SHARE) and then inserts (ROW EXCLUSIVE). Were we to hold a weaker lock that still
     * blocks its insert while waiting for the default partition it has read, the two would
     * deadlock; with this one we simply queue until running batches commit, and new ones wait
     * for us. Brief in practice: the month created ahead has no rows to move.
     */
    await tx.exec(`LOCK TABLE "observation" IN ACCESS EXCLUSIVE MODE`);
    return work(tx);
  });
}

export interface CreatedPartition {
  /** false when it existed already (another process made it first). */
  created: boolean;
  /** Rows of its month moved out of the default partition. */
  moved: number;
}

/**
 * Creates the partition of the month starting at `month`, moving that month's rows out of the
 * default partition. PostgreSQL refuses `CREATE TABLE … PARTITION OF` while the default holds
 * rows of the new range, so the partition is built as a plain table, filled, and attached; its
 * CHECK constraint lets ATTACH skip scanning it again. Everything happens in one transaction:
 * a failure leaves the rows where they were.
 */
export async function createPartition(sql: SqlRunner, month: number): Promise<CreatedPartition> {
  const name = partitionName(month);
  const from = iso(month);
  const to = iso(addMonths(month, 1));
  return partitionTransaction(sql, async (tx) => {
    const [existing] = await tx.query<{ found: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                       WHERE i.inhparent = '"observation"'::regclass AND c.relname = $1) AS found`,
      [name],
    );
    if (existing?.found) return { created: false, moved: 0 };
    await tx.exec(`CREATE TABLE "${name}" (LIKE "observation" INCLUDING DEFAULTS)`);
    await tx.exec(`ALTER TABLE "${name}" ADD CONSTRAINT "${name}_range" CHECK (observed_at >= '${from}' AND observed_at < '${to}')`);
    const [moved] = await tx.query<{ moved: number }>(
      `WITH moved AS (
         DELETE FROM "observation_default" WHERE observed_at >= $1::timestamptz AND observed_at < $2::timestamptz
         RETURNING indicator_id, observed_at, value, stepped),
       inserted AS (INSERT INTO "${name}" (indicator_id, observed_at, value, stepped) SELECT * FROM moved RETURNING 1)
       SELECT count(*)::int AS moved FROM inserted`,
      [from, to],
    );
    await tx.exec(`ALTER TABLE "observation" ATTACH PARTITION "${name}" FOR VALUES FROM ('${from}') TO ('${to}')`);
    // The partition bound now says the same; the CHECK would only cost every insert a test.
    await tx.exec(`ALTER TABLE "${name}" DROP CONSTRAINT "${name}_range"`);
    return { created: true, moved: moved?.moved ?? 0 };
  });
}

/** Drops one monthly partition and every row in it; false when it was already gone. */
export async function dropPartition(sql: SqlRunner, month: number): Promise<boolean> {
  const name = partitionName(month);
  return partitionTransaction(sql, async (tx) => {
    const [found] = await tx.query<{ found: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS found`, [`"${name}"`]);
    if (!found?.found) return false;
    await tx.exec(`DROP TABLE "${name}"`);
    return true;
  });
}

/**
 * Deletes rows older than `before` (epoch ms) from the default partition: months that expired
 * before they ever had a partition of their own (sent late, or stored before an upgrade).
 */
export async function deleteExpiredDefaultRows(sql: SqlRunner, before: number): Promise<number> {
  const [row] = await sql.query<{ removed: string }>(
    `WITH removed AS (DELETE FROM "observation_default" WHERE observed_at < ${toTimestamp("$1::float8")} RETURNING 1)
     SELECT count(*) AS removed FROM removed`,
    [before],
  );
  return toCount(row?.removed ?? 0);
}
