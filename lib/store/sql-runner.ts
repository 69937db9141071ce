import "server-only";
import type { Pool } from "pg";
import { arrayParams } from "@/lib/store/array-params";

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
        const result = await work({
          exec: async (script) => void (await client.query(script)),
          query: async <Row extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
            (await client.query<Row>(text, arrayParams(params))).rows,
          transaction: () => Promise.reject(new Error("nested transactions are not supported")),
          beforeCommit: (job) => void last.push(job),
          afterCommit: (callback) => void committed.push(callback),
        });
        for (const job of last) await job();
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
