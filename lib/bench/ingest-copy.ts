import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import type { Pool } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { Sender } from "@/lib/bench/ingest-clients";
import type { Row } from "@/lib/bench/ingest-series";

/**
 * The baseline the HTTP figures are read against: the same rows, sent by the same clients in the
 * same batches, with PostgreSQL's own bulk path — one `COPY observation FROM STDIN` per batch, in
 * text format, committed on its own. No parsing, filters, roll-ups or locks: what storing alone costs.
 */
export function copySender(pool: Pool, indicatorIds: ReadonlyMap<string, number>): Sender {
  return {
    async send(rows) {
      const text = copyText(rows, indicatorIds);
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
  };
}

export const seriesId = (unitPath: string, key: string) => `${unitPath}\u0000${key}`;

/** Rows as COPY's text format; every point is in order, so stored as stepped, as the pipeline would. */
function copyText(rows: readonly Row[], indicatorIds: ReadonlyMap<string, number>): string {
  let text = "";
  for (const row of rows) {
    const id = indicatorIds.get(seriesId(row.series.unitPath, row.series.key));
    if (id === undefined) throw new Error(`no indicator ${row.series.key} in ${row.series.unitPath}`);
    text += `${id}\t${new Date(row.time).toISOString()}\t${row.value}\tt\n`;
  }
  return text;
}
