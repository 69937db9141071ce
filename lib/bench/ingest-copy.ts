import type { Sender } from "@/lib/bench/ingest-clients";
import type { ObservationCopier } from "@/lib/testing/copy-observations";

export const seriesId = (unitPath: string, key: string) => `${unitPath}\u0000${key}`;

/**
 * The baseline the HTTP figures are read against: the same rows, sent by the same clients in the
 * same batches, each batch one COPY. The rows are resolved to indicator ids ahead of time, as the
 * HTTP clients' bodies are encoded ahead of time; their encoding as COPY text is timed.
 */
export function copySender(copier: ObservationCopier, indicatorIds: ReadonlyMap<string, number>): Sender {
  return {
    encode(rows) {
      return rows.map((row) => {
        const indicatorId = indicatorIds.get(seriesId(row.series.unitPath, row.series.key));
        if (indicatorId === undefined) throw new Error(`no indicator ${row.series.key} in ${row.series.unitPath}`);
        return { indicatorId, time: row.time, value: row.value };
      });
    },
    post(encoded) {
      return copier.copy(encoded as Parameters<ObservationCopier["copy"]>[0]);
    },
  };
}
