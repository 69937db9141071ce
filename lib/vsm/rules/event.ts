import type { Millis } from "@/lib/vsm/types";

/**
 * What rules match: any JSON-like record — an ingested event, an Alertmanager alert, an
 * observation — read by dotted field paths.
 */
export type EventData = Readonly<Record<string, unknown>>;

/** An event with its event time, given explicitly so matching never reads a clock. */
export interface TimedEvent {
  readonly time: Millis;
  readonly event: EventData;
}
