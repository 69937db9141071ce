import { RESOLUTION_MS, RESOLUTIONS, type Resolution } from "@/lib/vsm/temporal/resolution";
import { DAY, HOUR, type Millis } from "@/lib/vsm/types";

/**
 * The calendar arithmetic of retention (docs/design.md §7: observations partitioned by time,
 * retention by dropping partitions), pure so that month and year boundaries are tested without a
 * database. Months are UTC months: the same bounds whatever the server's time zone.
 */

/** Start (epoch ms) of the UTC month holding `at`. */
export function monthStart(at: Millis): Millis {
  const d = new Date(at);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

/** Start of the UTC month `months` after the one starting at `start` (negative: before). */
export function addMonths(start: Millis, months: number): Millis {
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
}

/** The month holding `now` and the `ahead` months after it, oldest first. */
export function monthsAhead(now: Millis, ahead: number): Millis[] {
  const first = monthStart(now);
  return Array.from({ length: ahead + 1 }, (_, i) => addMonths(first, i));
}

/**
 * A month may go once every instant in it is older than `cutoff`: its end (the next month's start,
 * exclusive) is at or before the cutoff. A month that straddles the cutoff stays whole, so raw
 * data is kept for at least the retention and at most a month longer.
 */
export function monthExpired(start: Millis, cutoff: Millis): boolean {
  return addMonths(start, 1) <= cutoff;
}

/** `observation_y2026m11` for November 2026: sortable, and readable in psql. */
export function partitionName(start: Millis): string {
  const d = new Date(start);
  return `observation_y${String(d.getUTCFullYear()).padStart(4, "0")}m${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

const PARTITION_NAME = /^observation_y(\d{4})m(\d{2})$/;

/** The month a partition name stands for, or null for a table that is not one of ours. */
export function partitionMonth(name: string): Millis | null {
  const match = PARTITION_NAME.exec(name);
  if (!match) return null;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  return Date.UTC(Number(match[1]), month - 1, 1);
}

/**
 * Per resolution, the bucket start before which buckets are deleted. As pruneSeries does in
 * memory, a bucket stays while any part of it lies within the retention: it goes once its end
 * (start + width) is at or before now − retention, i.e. start < now − retention − width + 1.
 */
export function rollupCutoffs(now: Millis, retention: Readonly<Record<Resolution, Millis>>): Record<Resolution, Millis> {
  return Object.fromEntries(RESOLUTIONS.map((r) => [r, now - retention[r] - RESOLUTION_MS[r] + 1])) as Record<Resolution, Millis>;
}

/**
 * How long raw observations stay: the configured raw retention, but never less than the minute
 * roll-ups' retention, since minute buckets are rolled up from the raw points when read
 * (lib/pipeline/roll-up-batch.ts, STORED_RESOLUTIONS).
 */
export function rawRetention(retention: Pick<RetentionSettings, "raw" | "rollups">): Millis {
  return Math.max(retention.raw, retention.rollups.minute);
}

/** What maintenance keeps (docs/design.md §7), in milliseconds. */
export interface RetentionSettings {
  /** Raw observations: whole monthly partitions go once entirely older than this (and than the minute retention, rawRetention). */
  raw: Millis;
  /** Roll-up buckets per resolution (policy.retention). */
  rollups: Readonly<Record<Resolution, Millis>>;
  /** Stored answers to `Idempotency-Key` requests: a client retries within minutes, a day is ample. */
  idempotency: Millis;
  /** Monthly partitions created ahead of the current month, so that inserts never land in the default. */
  monthsAhead: number;
}

export const IDEMPOTENCY_RETENTION = DAY;

/**
 * How long the live stream's event log keeps an event (docs/live-stream.md): a client that
 * reconnects within this time is sent everything it missed; one away longer reloads its state.
 * Observation summaries, one per batch and the bulk of the log, go sooner: they say that data
 * arrived, which the data itself says once a client is back.
 */
export const STREAM_EVENT_RETENTION = { all: DAY, observations: HOUR };
export const MAINTENANCE_INTERVAL = HOUR;
