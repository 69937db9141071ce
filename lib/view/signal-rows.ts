import { describeDuration } from "@/lib/vsm/algedonic/describe-duration";
import type { Signal, TimelineEntry } from "@/lib/vsm/algedonic/schemas";
import { isClosed } from "@/lib/vsm/algedonic/signal-states";
import { pathAtLevel } from "@/lib/vsm/model/path";
import type { Millis } from "@/lib/vsm/types";

/**
 * The Signals pages' display shapes (docs/signals.md), pure: the page reads signals from the
 * store and the clock, and hands them in. Times are relative to `now` because an operator asks
 * "how long has this been going, and how long before it climbs", not at which instant.
 */
export interface SignalRow {
  id: string;
  state: Signal["state"];
  valence: Signal["valence"];
  band: Signal["band"];
  kind: string;
  indicator: string;
  unitPath: string;
  /** The system that holds the signal now, and its level. */
  holder: { path: string; level: number };
  age: string;
  /** "climbs in 12m", "overdue at the root", "expires in 3m", or why it is closed. */
  clock: string;
  changes: number;
  closed: boolean;
  /** Why the console hides it, if it does: silences and inhibition hide a signal but never change it. */
  hiddenBy: string | null;
}

const CLOSE_WORDS: Record<NonNullable<Signal["closeReason"]>, string> = {
  remedied: "remedied",
  fixed: "resolved as fixed",
  "accepted-new-normal": "accepted as the new normal",
  "false-alarm": "resolved as a false alarm",
  "alert-resolved": "its alert resolved",
  adapted: "closed after the adaptation period",
  retracted: "retracted by the filter",
  unconfirmed: "never confirmed",
};

/** A duration as a person reads an age or a countdown: to the second within the hour, to the minute beyond. */
export function roughly(duration: Millis): string {
  if (duration < 1_000) return "under a second";
  const unit = duration >= 3_600_000 ? 60_000 : 1_000;
  return describeDuration(Math.round(duration / unit) * unit);
}

function clockOf(signal: Signal, now: Millis): string {
  if (signal.closeReason !== null) return `${CLOSE_WORDS[signal.closeReason]} ${roughly(now - (signal.closedAt ?? now))} ago`;
  const { escalateAt, expireAt, repeatAt } = signal.deadlines;
  if (expireAt !== null) return `unconfirmed; retracted in ${roughly(expireAt - now)} without a next point`;
  if (escalateAt !== null) {
    const left = escalateAt - now;
    if (left <= 0) return "due to climb now";
    return signal.holderLevel === 0 ? `root's allowance ends in ${roughly(left)}` : `climbs in ${roughly(left)}`;
  }
  return repeatAt !== null ? `overdue at the root; S5 reminded in ${roughly(Math.max(0, repeatAt - now))}` : "no deadline";
}

/** The visibility overlay's verdict on one signal (lib/vsm/algedonic/visible-signals.ts). */
export interface Overlay {
  silencedBy: readonly string[];
  inhibitedBy: readonly string[];
}

function hiddenBy(overlay: Overlay | undefined): string | null {
  if (overlay === undefined) return null;
  const reasons = [
    overlay.silencedBy.length > 0 ? `silenced (${overlay.silencedBy.join(", ")})` : null,
    overlay.inhibitedBy.length > 0 ? `inhibited by ${overlay.inhibitedBy.join(", ")}` : null,
  ].filter((r) => r !== null);
  return reasons.length > 0 ? reasons.join("; ") : null;
}

export function signalRow(signal: Signal, now: Millis, overlay?: Overlay): SignalRow {
  return {
    id: signal.id,
    state: signal.state,
    valence: signal.valence,
    band: signal.band,
    kind: signal.kind,
    indicator: signal.indicator,
    unitPath: signal.unitPath,
    holder: { path: pathAtLevel(signal.unitPath, signal.holderLevel) ?? signal.unitPath, level: signal.holderLevel },
    age: roughly(now - signal.raisedAt),
    clock: clockOf(signal, now),
    changes: signal.changes,
    closed: isClosed(signal.state),
    hiddenBy: hiddenBy(overlay),
  };
}

/** Running signals first (pain before pleasure, then the longest running), then closed ones, most recently closed first. */
export function signalRows(signals: readonly Signal[], now: Millis, overlays: ReadonlyMap<string, Overlay> = new Map()): SignalRow[] {
  const running = signals.filter((s) => !isClosed(s.state));
  const closed = signals.filter((s) => isClosed(s.state));
  running.sort((a, b) => (a.valence === b.valence ? a.raisedAt - b.raisedAt : a.valence === "pain" ? -1 : 1));
  closed.sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0));
  return [...running, ...closed].map((s) => signalRow(s, now, overlays.get(s.id)));
}

/** One timeline entry as the signal's page lists it. */
export interface TimelineRow {
  seq: number;
  at: Millis;
  /** "3h 2m after it was raised". */
  offset: string;
  kind: TimelineEntry["kind"];
  change: string;
  holder: string;
  actor: string;
  reason: string;
  probabilities: string | null;
}

export function timelineRows(signal: Signal): TimelineRow[] {
  return signal.timeline.map((entry) => ({
    seq: entry.seq,
    at: entry.at,
    offset: entry.seq === 0 ? "raised" : `+${roughly(entry.at - signal.raisedAt)}`,
    kind: entry.kind,
    change: entry.from === null || entry.from === entry.to ? entry.to : `${entry.from} → ${entry.to}`,
    holder: `${pathAtLevel(signal.unitPath, entry.level) ?? signal.unitPath} (level ${entry.level})`,
    actor: entry.actor.type === "user" ? entry.actor.id : entry.actor.component,
    reason: entry.reason,
    probabilities: entry.probabilities
      ? Object.entries(entry.probabilities)
          .map(([regime, p]) => `${regime} ${p.toFixed(2)}`)
          .join(", ")
      : null,
  }));
}
