import type { Incident } from "@/lib/simulate/incident";
import type { Signal } from "@/lib/vsm/algedonic/schemas";
import type { Finding } from "@/lib/vsm/diagnosis/finding";
import { MINUTE } from "@/lib/vsm/types";

/**
 * Did the console make of each scripted incident what it should (docs/simulator.md, "Checking a
 * run")? Judged from the signals raised during the run and the diagnosis' findings, taken while
 * the data still flows (once it stops, every unit is soon silent); every signal on a series no
 * incident touched, and every finding from the data no incident explains, is false: counted and
 * listed, never hidden.
 */
export interface IncidentOutcome {
  incident: Incident;
  ok: boolean;
  /** What the console showed, in words. */
  detail: string;
}

export interface RunCheck {
  outcomes: IncidentOutcome[];
  /** Signals on quiet series, or on an incident's series before it began (confirmed ones; provisional signals the filter took back are counted apart). */
  falseSignals: Signal[];
  /** Provisional signals on quiet series that the filter itself took back: surprises that were not changes. */
  retractedProvisionals: Signal[];
  /** Findings from the data (silence, oscillation, audit drift) that no incident explains. */
  falseFindings: Finding[];
}

/** The diagnosis' judgements from the data, as opposed to the model's structure. */
const DATA_RULES: ReadonlySet<string> = new Set(["silent-unit", "silent-indicator", "oscillating-unit", "anti-phase-units", "audit-drift"]);

const FINDING_RULES = { silent: ["silent-unit", "silent-indicator"], oscillation: ["anti-phase-units", "oscillating-unit"] } as const;

/** Whether a finding is about one of the incident's targets, under a rule its expectation names. */
function explains(incident: Incident, finding: Finding): boolean {
  const expect = incident.expect;
  if (!("finding" in expect) || !(FINDING_RULES[expect.finding] as readonly string[]).includes(finding.rule)) return false;
  return incident.targets.some((t) => t.unit === finding.path || t.unit === finding.unit || finding.units?.includes(t.unit));
}

/** When a run started and how fast it ran: what turns an incident's simulated minute into the time its signals carry. */
export interface RunTiming {
  startedAt: number;
  speed: number;
}

/**
 * Whether a signal is the incident's: on one of its targets, and raised once the incident had
 * begun — a signal on the same series before that is the filter's, not the script's.
 */
const touches = (incident: Incident, signal: Signal, timing: RunTiming): boolean =>
  signal.raisedAt >= timing.startedAt + (incident.from * MINUTE) / timing.speed &&
  incident.targets.some((t) => t.unit === signal.unitPath && (t.indicator === "*" || t.indicator === signal.indicator));

/** The alert an incident's Prometheus rule fires becomes a signal named after the alert. */
const fromItsAlert = (incident: Incident, signal: Signal): boolean =>
  incident.alert !== undefined && incident.alert.unit === signal.unitPath && incident.alert.name === signal.indicator;

/** A provisional signal the filter took back (one period later, or when no next point came): a surprise, not a change. */
const unconfirmed = (s: Signal): boolean => s.closeReason === "unconfirmed" || s.closeReason === "retracted";

function describe(signals: readonly Signal[]): string {
  if (signals.length === 0) return "no signal";
  return signals
    .map(
      (s) =>
        `${s.valence} ${s.kind} (${s.state}${s.closeReason ? `: ${s.closeReason}` : ""}, band ${s.band}, held at level ${s.holderLevel}${s.bypassedAt !== null ? ", sent straight to the root" : ""}, ${s.changes} change${s.changes === 1 ? "" : "s"})`,
    )
    .join("; ");
}

function judge(incident: Incident, signals: readonly Signal[], findings: readonly Finding[], timing: RunTiming): IncidentOutcome {
  const expect = incident.expect;
  const own = signals.filter((s) => touches(incident, s, timing) && !unconfirmed(s));
  if ("finding" in expect) {
    const found = findings.filter((f) => explains(incident, f));
    return {
      incident,
      ok: found.length > 0,
      detail: found.length > 0 ? found.map((f) => f.message).join("; ") : `no ${expect.finding} finding`,
    };
  }
  const detail = describe(own);
  switch (expect.signal) {
    case "transients":
      return {
        incident,
        ok: own.every((s) => s.kind === "transient" && s.closedAt !== null),
        detail: own.length === 0 ? "nothing confirmed" : detail,
      };
    case "one":
      return { incident, ok: own.length === 1 && own[0]!.valence === expect.valence, detail };
    case "escalating":
      return { incident, ok: own.some((s) => s.valence === expect.valence && s.closedAt === null && s.holderLevel < s.level), detail };
    case "remedied":
      return { incident, ok: own.some((s) => s.valence === expect.valence && s.closeReason === "remedied"), detail };
    case "crisis": {
      const alerted = signals.filter((s) => fromItsAlert(incident, s));
      const crisis = [...own, ...alerted].filter(
        (s) => s.valence === "pain" && s.band === "crisis" && (s.bypassedAt !== null || s.holderLevel === 0),
      );
      return { incident, ok: crisis.length > 0, detail: describe([...own, ...alerted]) };
    }
  }
}

export function checkRun(
  incidents: readonly Incident[],
  signals: readonly Signal[],
  findings: readonly Finding[],
  timing: RunTiming,
): RunCheck {
  const quiet = signals.filter((s) => !incidents.some((i) => touches(i, s, timing) || fromItsAlert(i, s)));
  return {
    outcomes: incidents.map((incident) => judge(incident, signals, findings, timing)),
    falseSignals: quiet.filter((s) => !unconfirmed(s)),
    retractedProvisionals: quiet.filter(unconfirmed),
    falseFindings: findings.filter((f) => DATA_RULES.has(f.rule) && !incidents.some((i) => explains(i, f))),
  };
}
