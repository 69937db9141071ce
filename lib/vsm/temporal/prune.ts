import type { Policy } from "@/lib/vsm/policy";
import type { Bucket } from "@/lib/vsm/temporal/bucket";
import { RESOLUTION_MS, type Resolution } from "@/lib/vsm/temporal/resolution";
import type { TemporalSeries } from "@/lib/vsm/temporal/series";
import type { Millis } from "@/lib/vsm/types";

/** Keeps the buckets of which any part lies within the retention period before `now`. */
function keep(buckets: readonly Bucket[], resolution: Resolution, now: Millis, retention: Millis): Bucket[] {
  const cutoff = now - retention;
  return buckets.filter((b) => b.start + RESOLUTION_MS[resolution] > cutoff);
}

/** The series without buckets older than policy.retention allows for their resolution. */
export function pruneSeries(series: TemporalSeries, now: Millis, retention: Policy["retention"]): TemporalSeries {
  return {
    binWidth: series.binWidth,
    minute: keep(series.minute, "minute", now, retention.minute),
    hour: keep(series.hour, "hour", now, retention.hour),
    day: keep(series.day, "day", now, retention.day),
  };
}
