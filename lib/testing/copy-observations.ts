import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Pool } from "pg";
import { from as copyFrom } from "pg-copy-streams";

/**
 * PostgreSQL's own bulk path into the observation table, for the ingest benchmark's baseline:
 * `COPY observation FROM STDIN` in text format, one statement per call, each committed on its
 * own. No filters, roll-ups or locks: what storing alone costs.
 */
export interface ObservationCopier {
  /** Copies the rows; all are flagged stepped, as the pipeline flags in-order points. */
  copy(rows: readonly { indicatorId: number; time: number; value: number }[]): Promise<void>;
  close(): Promise<void>;
}

export function observationCopier(url: string, connections: number): ObservationCopier {
  const pool = new Pool({ connectionString: url, max: connections });
  return {
    async copy(rows) {
      let text = "";
      for (const row of rows) text += `${row.indicatorId}\t${new Date(row.time).toISOString()}\t${row.value}\tt\n`;
      const client = await pool.connect();
      try {
        await pipeline(
          Readable.from([text]),
          client.query(copyFrom(`COPY "observation" (indicator_id, observed_at, value, stepped) FROM STDIN`)),
        );
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
