import type { NewStreamEvent } from "@/lib/store/stream-events";
import type { Signal, TimelineEntry } from "@/lib/vsm/algedonic/schemas";

/** A stored signal write: the signal as it now is, and the timeline entries this write added. */
export interface SignalWrite {
  signal: Signal;
  added: readonly TimelineEntry[];
}

/** What a stream client is told of a signal: its state, not its internals (deadlines, reference). */
export function signalSummary(signal: Signal) {
  return {
    id: signal.id,
    unit: signal.unitPath,
    indicator: signal.indicator,
    valence: signal.valence,
    kind: signal.kind,
    band: signal.band,
    state: signal.state,
    level: signal.level,
    holderLevel: signal.holderLevel,
    changes: signal.changes,
    raisedAt: signal.raisedAt,
    closedAt: signal.closedAt,
    closeReason: signal.closeReason,
    version: signal.version,
  };
}

/**
 * The live stream's events for signal writes of one transaction (docs/live-stream.md): each
 * signal's new state, each new timeline entry, and — when any entry was added — one variety
 * event naming the units whose disturbances or responses changed, so a variety view knows to
 * measure again.
 */
export function signalStreamEvents(writes: readonly SignalWrite[]): NewStreamEvent[] {
  const events: NewStreamEvent[] = [];
  const changedUnits = new Set<string>();
  for (const { signal, added } of writes) {
    const unit = signal.unitPath;
    events.push({ kind: "signal", paths: [unit], data: signalSummary(signal) });
    for (const entry of added) {
      changedUnits.add(unit);
      events.push({
        kind: "timeline",
        paths: [unit],
        data: {
          signalId: signal.id,
          unit,
          seq: entry.seq,
          at: entry.at,
          kind: entry.kind,
          from: entry.from,
          to: entry.to,
          level: entry.level,
          reason: entry.reason,
          actor: entry.actor,
        },
      });
    }
  }
  if (changedUnits.size > 0) {
    const units = [...changedUnits].sort();
    events.push({ kind: "variety", paths: units, data: { units } });
  }
  return events;
}
