import { DAY, HOUR, MINUTE, type Millis } from "@/lib/vsm/types";

/** Roll-up resolutions, finest first; policy.retention has one entry per resolution. */
export const RESOLUTIONS = ["minute", "hour", "day"] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const RESOLUTION_MS: Readonly<Record<Resolution, Millis>> = { minute: MINUTE, hour: HOUR, day: DAY };

/**
 * Start of the bucket holding `at`. Buckets are aligned to the UTC epoch: epoch milliseconds have
 * no leap seconds or time zones, so every day bucket starts at 00:00 UTC and every hour on the hour.
 */
export function bucketStart(at: Millis, resolution: Resolution): Millis {
  const size = RESOLUTION_MS[resolution];
  return Math.floor(at / size) * size;
}
