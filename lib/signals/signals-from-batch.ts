import "server-only";
import { randomUUID } from "node:crypto";
import type { ChangeEventRow, LevelObservation } from "@/lib/pipeline/step-points";
import { applyToSignal } from "@/lib/signals/apply-to-signal";
import { ladderPolicyFor } from "@/lib/signals/ladder-policy";
import type { IndicatorTarget } from "@/lib/store/indicator-runtimes";
import { insertSignal, runningSignalsOf, saveTransition, systemByPath } from "@/lib/store/signals";
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

/** One signal while a batch works on it: as stored (null when the batch raised it), as it is now, and the events that led there. */
interface Session {
  stored: Signal | null;
  current: Signal;
  schedule: SignalDeadline[];
  applied: { event: SignalEvent; at: number }[];
  origin: { systemId: number; indicatorId: number };
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
 * version it was read at. Batches hold their indicators' cursor locks, so only an operator acting
 * meanwhile can have moved a signal: then its events are applied again, one by one, to what the
 * operator left (apply-to-signal.ts).
 */
export async function signalsFromBatch(
  tx: SqlRunner,
  targets: ReadonlyMap<number, IndicatorTarget>,
  events: readonly ChangeEventRow[],
  levels: ReadonlyMap<number, readonly LevelObservation[]>,
): Promise<SignalCounts> {
  const counts: SignalCounts = { raised: 0, updated: 0 };
  const changed = events.filter(isSignalEvent);
  const running = await runningSignalsOf(tx, [...new Set([...levels.keys(), ...changed.map((e) => e.indicatorId)])]);
  const work = [...new Set([...changed.map((e) => e.indicatorId), ...running.keys()])].sort((a, b) => a - b);
  for (const indicatorId of work) {
    const target = targets.get(indicatorId);
    if (target === undefined) continue;
    const items: Item[] = [
      // At one point, the filter's verdicts come before the point's level: the level is what follows them.
      ...changed.filter((e) => e.indicatorId === indicatorId).map((event, order) => ({ at: event.reportedAt, order, event })),
      ...(levels.get(indicatorId) ?? []).map((level) => ({ at: level.time, order: Number.MAX_SAFE_INTEGER, level })),
    ].sort((a, b) => a.at - b.at || a.order - b.order);
    const sessions = await runIndicator(tx, target, running.get(indicatorId) ?? [], items);
    for (const session of sessions) await save(tx, session, counts);
  }
  return counts;
}

async function runIndicator(
  tx: SqlRunner,
  target: IndicatorTarget,
  running: readonly Signal[],
  items: readonly Item[],
): Promise<Session[]> {
  const policy = await ladderPolicyFor(tx, target.unitPath);
  const system = await systemByPath(tx, target.unitPath);
  if (system === null) return [];
  const origin = { systemId: system.id, indicatorId: target.id };
  const sessions: Session[] = running.map((s) => ({ stored: s, current: s, schedule: [], applied: [], origin }));
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
      const raised = raiseSignal(raiseInput(target, change), change.reportedAt, policy);
      const fresh: Session = { stored: null, current: raised.signal, schedule: raised.schedule, applied: [], origin };
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

async function save(tx: SqlRunner, session: Session, counts: SignalCounts): Promise<void> {
  const { stored, current, schedule, origin } = session;
  if (stored === null) {
    await insertSignal(tx, current, { ...origin, externalAlertId: null, labels: {} }, schedule);
    counts.raised += 1;
    return;
  }
  if (current === stored) return;
  counts.updated += 1;
  if (await saveTransition(tx, stored, current, schedule)) return;
  // An operator moved the signal meanwhile: apply this batch's events again, in order, to what they left.
  for (const { event, at } of session.applied) await applyToSignal(tx, stored.id, event, at);
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toPrecision(3);
}
