import "server-only";
import type { Pool } from "pg";
import { arrayParams } from "@/lib/store/array-params";
import { WaitingWrites, type Write } from "@/lib/store/combined-writes";

/**
 * The few raw-SQL operations the migration runner, readiness check and pipeline need, over a
 * `pg` pool: PostgreSQL's, or the embedded database's server (docs/design.md §9). `exec` runs a
 * multi-statement script; `query` runs one parameterised statement.
 */
export interface SqlRunner {
  exec(script: string): Promise<void>;
  query<Row extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Runs `work` on one connection inside BEGIN/COMMIT, rolling back if it throws. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /**
   * Inside a transaction only: work to run last, just before COMMIT, in the order registered —
   * for writes that must hold a lock for as short a time as possible (lib/store/stream-events.ts).
   */
  beforeCommit?(work: () => Promise<void>): void;
  /** Inside a transaction only: called once it has committed (never after a rollback), for in-process news of it. */
  afterCommit?(callback: () => void): void;
  /**
   * Inside a transaction only: a write whose result is not read (its parts touching different
   * rows), held back and sent with the other waiting ones in as few statements as can be
   * (combined-writes.ts) before the transaction's next statement or its COMMIT. Use `write` or
   * `writeParts` below, which run it at once where nothing can wait.
   */
  defer?(parts: readonly Write[]): void;
}

/** An INSERT, UPDATE or DELETE whose result is not read: deferred inside a transaction, run now outside one. */
export async function write(sql: Pick<SqlRunner, "query" | "defer">, text: string, params: unknown[]): Promise<void> {
  await writeParts(sql, [{ text, params }]);
}

/** A write in parts that touch different rows: one statement when deferred, one each (in order) otherwise. */
export async function writeParts(sql: Pick<SqlRunner, "query" | "defer">, parts: readonly Write[]): Promise<void> {
  if (sql.defer) return sql.defer(parts);
  for (const part of parts) await sql.query(part.text, part.params);
}

export function pgPoolRunner(pool: Pool): SqlRunner {
  return {
    async exec(script) {
      await pool.query(script);
    },
    async query<Row extends Record<string, unknown>>(text: string, params: unknown[] = []) {
      return (await pool.query<Row>(text, arrayParams(params))).rows;
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const last: (() => Promise<void>)[] = [];
        const committed: (() => void)[] = [];
        const waiting = new WaitingWrites();
        // Whatever waits goes first, so every statement of the transaction sees the writes made before it.
        const flush = async () => {
          for (const statement of waiting.take()) await client.query(statement.text, arrayParams(statement.params));
        };
        const result = await work({
          exec: async (script) => {
            await flush();
            await client.query(script);
          },
          query: async <Row extends Record<string, unknown>>(text: string, params: unknown[] = []) => {
            await flush();
            return (await client.query<Row>(text, arrayParams(params))).rows;
          },
          transaction: () => Promise.reject(new Error("nested transactions are not supported")),
          beforeCommit: (job) => void last.push(job),
          afterCommit: (callback) => void committed.push(callback),
          defer: (parts) => waiting.add(parts),
        });
        for (const job of last) await job();
        await flush();
        await client.query("COMMIT");
        // The transaction has committed: a failing listener must not make the caller think it did not.
        for (const callback of committed) {
          try {
            callback();
          } catch {
            // News for this process only; the rows are written.
          }
        }
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
