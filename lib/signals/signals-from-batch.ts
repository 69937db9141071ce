import "server-only";
import { randomUUID } from "node:crypto";
import type { ChangeEventRow, LevelObservation } from "@/lib/pipeline/step-points";
import { applyToSignal } from "@/lib/signals/apply-to-signal";
import { unitLadders } from "@/lib/signals/ladder-policy";
import type { Policy } from "@/lib/vsm/policy";
import type { IndicatorTarget } from "@/lib/store/indicator-runtimes";
import type { SignalCache } from "@/lib/signals/signal-cache";
import { insertSignals, readSignals, runningSignalVersions, saveTransitions, type NewSignal } from "@/lib/store/signals";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { applySignalEvent } from "@/lib/vsm/algedonic/apply-signal-event";
import { raiseSignal } from "@/lib/vsm/algedonic/raise-signal";
import type { Actor, RaiseInput, Signal, SignalDeadline, SignalEvent } from "@/lib/vsm/algedonic/schemas";
import type { Valence } from "@/lib/vsm/types";

const FILTER: Actor = { type: "system", component: "filter" };

/** What a batch did to signals, for its outcome and audit entry. */
export interface SignalCounts {
  raised: number;
  updated: number;
}

/** The counts, and the signals as the batch stored them: for the cache once the batch has committed. */
export interface BatchSignals {
  counts: SignalCounts;
  stored: Signal[];
}

/** One signal while a batch works on it: as stored (null when the batch raised it), as it is now, and the events that led there. */
interface Session {
  stored: Signal | null;
  current: Signal;
  schedule: SignalDeadline[];
  applied: { event: SignalEvent; at: number }[];
  target: IndicatorTarget;
}

type Item = { at: number; order: number; event: ChangeEventRow } | { at: number; order: number; level: LevelObservation };

const SIGNAL_EVENTS = new Set<ChangeEventRow["type"]>(["raised", "confirmed", "continued", "retracted"]);
const isSignalEvent = (e: ChangeEventRow) => SIGNAL_EVENTS.has(e.type);

/**
 * Turns a batch's filter output into algedonic signals, in the batch's transaction (docs/design.md
 * §5, "Signals"). Per indicator, in time order: a provisional change (`raised`) raises a
 * provisional signal unless one of that valence is running; `confirmed` confirms it (or raises an
 * open one); a further confirmed change (`continued`, or `confirmed` while one runs) is counted on
 * the running signal — one change, one signal; `retracted` retracts a provisional signal; every
 * filtered point is an observation for the running signals' remedy.
 *
 * The transitions are computed in memory and each signal is written once per batch, over the
 * version it was read at. Batches hold their indicators' cursor locks, so only an operator or the
 * deadline worker acting meanwhile can have moved a signal: then its events are applied again, one
 * by one, to what they left (apply-to-signal.ts).
 */
export async function signalsFromBatch(
  tx: SqlRunner,
  cache: SignalCache,
  targets: ReadonlyMap<number, IndicatorTarget>,
  events: readonly ChangeEventRow[],
  levels: ReadonlyMap<number, readonly LevelObservation[]>,
): Promise<BatchSignals> {
  const result: BatchSignals = { counts: { raised: 0, updated: 0 }, stored: [] };
  const changed = events.filter(isSignalEvent);
  const running = await currentSignals(tx, cache, [...new Set([...levels.keys(), ...changed.map((e) => e.indicatorId)])]);
  const work = [...new Set([...changed.map((e) => e.indicatorId), ...running.keys()])].sort((a, b) => a - b);
  const { ladders: policies, systemIds } = await unitLadders(tx, [...new Set(work.flatMap((id) => targets.get(id)?.unitPath ?? []))]);
  const sessions: Session[] = [];
  for (const indicatorId of work) {
    const target = targets.get(indicatorId);
    if (target === undefined) continue;
    const items: Item[] = [
      // At one point, the filter's verdicts come before the point's level: the level is what follows them.
      ...changed.filter((e) => e.indicatorId === indicatorId).map((event, order) => ({ at: event.reportedAt, order, event })),
      ...(levels.get(indicatorId) ?? []).map((level) => ({ at: level.time, order: Number.MAX_SAFE_INTEGER, level })),
    ].sort((a, b) => a.at - b.at || a.order - b.order);
    sessions.push(...runIndicator(target, policies.get(target.unitPath)!, running.get(indicatorId) ?? [], items));
  }
  await save(tx, sessions, systemIds, result);
  return result;
}

/** The running signals of these indicators, from the cache where it is at the stored version, the rest read. */
async function currentSignals(tx: SqlRunner, cache: SignalCache, indicatorIds: readonly number[]): Promise<Map<number, Signal[]>> {
  const versions = await runningSignalVersions(tx, indicatorIds);
  const found = new Map<string, Signal>();
  for (const v of versions) {
    const cached = cache.get(v.id, v.version);
    if (cached !== undefined) found.set(v.id, cached);
  }
  for (const signal of await readSignals(
    tx,
    versions.filter((v) => !found.has(v.id)).map((v) => v.id),
  ))
    found.set(signal.id, signal);
  const byIndicator = new Map<number, Signal[]>();
  for (const v of versions) {
    const signal = found.get(v.id);
    if (signal !== undefined) byIndicator.set(v.indicatorId, [...(byIndicator.get(v.indicatorId) ?? []), signal]);
  }
  return byIndicator;
}

function runIndicator(
  target: IndicatorTarget,
  policy: (level: number) => Policy,
  running: readonly Signal[],
  items: readonly Item[],
): Session[] {
  const sessions: Session[] = running.map((s) => ({ stored: s, current: s, schedule: [], applied: [], target }));
  const open = new Map<Valence, Session>(sessions.map((s) => [s.current.valence, s]));
  const apply = (session: Session, event: SignalEvent, at: number) => {
    const result = applySignalEvent(session.current, event, at, policy);
    // A refusal here is an operator's entry dated after this point: the point is data, not a transition.
    if (!result.ok || !result.changed) return;
    session.current = result.signal;
    session.schedule = result.schedule;
    session.applied.push({ event, at });
    if (result.signal.closedAt !== null) open.delete(result.signal.valence);
  };
  for (const item of items) {
    if ("level" in item) {
      for (const session of [...open.values()])
        apply(session, { type: "observe", actor: FILTER, level: item.level.level, band: item.level.band }, item.at);
      continue;
    }
    const change = item.event;
    const session = open.get(change.valence);
    const probabilities = change.probabilities ?? undefined;
    if (change.type === "retracted") {
      if (session?.current.state === "provisional") apply(session, { type: "retract", actor: FILTER, probabilities }, item.at);
    } else if (session === undefined) {
      // The way back of a running signal of the other valence is its remedy (observed point by point), not news.
      if (isReturnOf(open, change)) continue;
      const raised = raiseSignal(raiseInput(target, change), change.reportedAt, policy);
      const fresh: Session = { stored: null, current: raised.signal, schedule: raised.schedule, applied: [], target };
      sessions.push(fresh);
      open.set(change.valence, fresh);
    } else if (change.type !== "raised") {
      // A provisional change while a signal runs waits for its verdict; a confirmed one is counted.
      const confirm = change.type === "confirmed" && session.current.state === "provisional";
      apply(
        session,
        confirm
          ? { type: "confirm", actor: FILTER, probabilities }
          : { type: "recur", actor: FILTER, kind: change.kind, band: change.band ?? "normal", probabilities },
        item.at,
      );
    }
  }
  return sessions;
}

/**
 * Whether a change moves the level back toward the reference of a running signal of the other
 * valence: an error rate falling back after a spike is that spike's recovery, which remedies the
 * pain signal, and not a pleasure of its own.
 */
function isReturnOf(open: ReadonlyMap<Valence, Session>, change: ChangeEventRow): boolean {
  const other = open.get(change.valence === "pain" ? "pleasure" : "pain")?.current.reference;
  if (!other || change.context === null) return false;
  const before = change.context.reference;
  const after = before + change.magnitude;
  return Math.sign(change.magnitude) === Math.sign(other.level - before) && Math.abs(after - other.level) < Math.abs(before - other.level);
}

function raiseInput(target: IndicatorTarget, change: ChangeEventRow): RaiseInput {
  const context = change.context;
  const what = `${change.type === "raised" ? "a possible" : "a"} ${change.kind} change of ${formatNumber(change.magnitude)}`;
  return {
    id: `sig_${randomUUID()}`,
    unitPath: target.unitPath,
    indicator: target.key,
    family: target.family,
    kind: change.kind,
    valence: change.valence,
    band: change.band ?? "normal",
    provisional: change.type === "raised",
    actor: FILTER,
    reason: `${what} (${formatNumber(change.score)} sd)`,
    ...(change.probabilities ? { probabilities: change.probabilities } : {}),
    reference:
      context === null
        ? null
        : {
            level: context.reference,
            sd: context.sd,
            direction: change.magnitude < 0 ? -1 : 1,
            period: Math.max(1, Math.round(context.period)),
          },
  };
}

/**
 * Writes what the batch did to its signals in a few statements: the new ones inserted, the
 * changed ones stored over the versions they were read at (in id order, so two writers lock rows
 * in the same order).
 */
async function save(
  tx: SqlRunner,
  sessions: readonly Session[],
  systemIds: ReadonlyMap<string, number>,
  result: BatchSignals,
): Promise<void> {
  // Transitions first: a signal this batch closed must be closed before the one it raised in its place is inserted.
  const changed = sessions
    .filter((s): s is Session & { stored: Signal } => s.stored !== null && s.current !== s.stored)
    .sort((a, b) => (a.current.id < b.current.id ? -1 : 1));
  const won = new Set(
    await saveTransitions(
      tx,
      changed.map((s) => ({ before: s.stored, after: s.current, schedule: s.schedule })),
    ),
  );
  result.counts.updated += changed.length;
  for (const session of changed) {
    if (won.has(session.current.id)) {
      result.stored.push(session.current);
      continue;
    }
    // An operator or the deadline worker moved the signal meanwhile: apply this batch's events again, in order, to what they left.
    for (const { event, at } of session.applied) await applyToSignal(tx, session.stored.id, event, at);
  }
  // A possible change raised and retracted within this batch was never announced and leaves nothing to act on:
  // the filter's own events record it, and no signal row is written for it.
  const raised = sessions.filter((s) => s.stored === null && s.current.closeReason !== "retracted");
  const fresh: NewSignal[] = [];
  for (const { current, schedule, target } of raised) {
    const systemId = systemIds.get(target.unitPath);
    // A unit removed from the model since the batch was resolved: its points are stored, no signal is raised.
    if (systemId !== undefined)
      fresh.push({ signal: current, origin: { systemId, indicatorId: target.id, externalAlertId: null, labels: {} }, schedule });
  }
  await insertSignals(tx, fresh);
  result.counts.raised += fresh.length;
  result.stored.push(...fresh.map((f) => f.signal));
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toPrecision(3);
}
