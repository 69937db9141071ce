import "server-only";
import { acknowledgeSignal, createSilence, noteSignal, resolveSignal, type Operator } from "@/lib/signals/operator-actions";
import type { Incident, ScriptedResponse } from "@/lib/simulate/incident";
import type { Database } from "@/lib/store/database";
import { signalsRaisedSince } from "@/lib/store/signals";
import type { Signal } from "@/lib/vsm/algedonic/schemas";
import { MINUTE } from "@/lib/vsm/types";

/**
 * The simulator's operator (docs/simulator.md, "The operator"): at the scripted simulated minute
 * it acknowledges, notes, resolves or silences an incident's signals through the same server-side
 * operator actions a signed-in operator's buttons will use — validated and audited — so that the
 * Variety page has regulation to measure. It acts on the console's database directly: no API
 * route offers these actions yet. A response whose incident has no running signal is skipped and
 * said so: the operator answers what the console shows, not what the script intended.
 */
export interface ScriptedOperator {
  /** Acts on every response due by simulated `minute`; returns what it did, in words. */
  act(minute: number): Promise<string[]>;
}

const operatorOf = (email: string): Operator => ({ actor: { type: "user", id: email }, audit: `user:${email}` });

export function scriptedOperator(
  db: Database,
  incidents: readonly Incident[],
  options: { startedAt: number; speed: number },
): ScriptedOperator {
  const pending = incidents.flatMap((incident) => (incident.responses ?? []).map((response) => ({ incident, response })));
  const realMs = (simMinutes: number) => (simMinutes * MINUTE) / options.speed;
  return {
    async act(minute) {
      const due = pending.filter(({ incident, response }) => incident.from + response.after <= minute);
      if (due.length === 0) return [];
      pending.splice(0, pending.length, ...pending.filter((p) => !due.includes(p)));
      const running = (await signalsRaisedSince(db.sql, options.startedAt)).filter((s) => s.closedAt === null);
      const done: string[] = [];
      for (const { incident, response } of due) {
        const now = Date.now();
        if (response.action === "silence") {
          const target = incident.targets[incident.targets.length - 1]!;
          await createSilence(
            db,
            operatorOf(response.by),
            { matcher: { unitPath: target.unit }, startsAt: now, endsAt: now + realMs(response.minutes), reason: response.reason },
            now,
          );
          done.push(`${response.by} silenced ${target.unit}: ${response.reason}`);
          continue;
        }
        const signals = running.filter((s) => incident.targets.some((t) => t.unit === s.unitPath && t.indicator === s.indicator));
        if (signals.length === 0) {
          done.push(`${response.by} found no running signal for ${incident.name}; nothing to ${response.action}`);
          continue;
        }
        for (const signal of signals) done.push(await respond(db, signal, response, now, realMs));
      }
      return done;
    },
  };
}

async function respond(
  db: Database,
  signal: Signal,
  response: Exclude<ScriptedResponse, { action: "silence" }>,
  now: number,
  realMs: (m: number) => number,
): Promise<string> {
  const operator = operatorOf(response.by);
  const what = `${signal.kind} on ${signal.unitPath} ${signal.indicator}`;
  try {
    switch (response.action) {
      case "acknowledge":
        await acknowledgeSignal(
          db,
          operator,
          { signalId: signal.id, eta: Math.round(now + realMs(response.etaMinutes)), note: response.note },
          now,
        );
        return `${response.by} acknowledged the ${what}: ${response.note}`;
      case "note":
        await noteSignal(db, operator, { signalId: signal.id, text: response.text }, now);
        return `${response.by} noted on the ${what}: ${response.text}`;
      case "resolve":
        await resolveSignal(db, operator, { signalId: signal.id, reason: response.reason, resolution: response.resolution }, now);
        return `${response.by} resolved the ${what} (${response.resolution}): ${response.reason}`;
    }
  } catch (error) {
    // The signal moved on meanwhile (remedied, escalated past an acknowledgement): the operator's action no longer applies.
    return `${response.by} could not ${response.action} the ${what}: ${error instanceof Error ? error.message : String(error)}`;
  }
}
