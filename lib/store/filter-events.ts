import "server-only";
import { write, type SqlRunner } from "@/lib/store/sql-runner";
import { toTimestamp } from "@/lib/store/sql-time";
import type { ChangeEvent, ChangeKind } from "@/lib/vsm/filter/filter-output";
import type { Band, RegimeProbabilities, Valence } from "@/lib/vsm/types";

/** A change the filter reported, as stored (docs/design.md §5). */
export interface FilterEventRow {
  indicatorId: number;
  type: ChangeEvent["type"];
  kind: ChangeKind;
  valence: Valence;
  /** When the change happened and when the filter said so (the point that reported it), epoch ms. */
  changedAt: number;
  reportedAt: number;
  magnitude: number;
  score: number;
  probabilities: RegimeProbabilities | null;
  band: Band | null;
}

/** Appends a batch's events in one statement. */
export async function insertFilterEvents(tx: SqlRunner, events: readonly FilterEventRow[]): Promise<void> {
  if (events.length === 0) return;
  await write(
    tx,
    `INSERT INTO "filter_event" (indicator_id, type, kind, valence, changed_at, reported_at, magnitude, score, probabilities, band)
     SELECT id, type, kind, valence, ${toTimestamp("changed")}, ${toTimestamp("reported")}, magnitude, score, probabilities::jsonb, band
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::float8[], $8::float8[], $9::text[], $10::text[])
         AS e(id, type, kind, valence, changed, reported, magnitude, score, probabilities, band)`,
    [
      events.map((e) => e.indicatorId),
      events.map((e) => e.type),
      events.map((e) => e.kind),
      events.map((e) => e.valence),
      events.map((e) => e.changedAt),
      events.map((e) => e.reportedAt),
      events.map((e) => e.magnitude),
      events.map((e) => e.score),
      events.map((e) => (e.probabilities === null ? null : JSON.stringify(e.probabilities))),
      events.map((e) => e.band),
    ],
  );
}
