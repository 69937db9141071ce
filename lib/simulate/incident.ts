import { MINUTE } from "@/lib/vsm/types";

/**
 * A scripted incident of the simulator (docs/simulator.md): what happens to which indicators from
 * which simulated minute, and which signal the console should make of it. Effects are factors on
 * the indicator's quiet level, so an incident reads the same on any model's levels.
 */
export const INCIDENT_KINDS = ["step", "ramp", "outliers", "oscillation", "silence", "crisis", "recovery", "pleasure"] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export interface Target {
  unit: string;
  /** An indicator key; `*` for every indicator of the unit (a unit that goes silent). */
  indicator: string;
}

/** What the console should show for an incident, checked by lib/simulate/check-run.ts. */
export type Expectation =
  /** One signal of this valence on the target, still running, that has climbed at least one level. */
  | { signal: "escalating"; valence: "pain" | "pleasure" }
  /** Exactly one signal of this valence on the target (a ramp is one signal, not a storm). */
  | { signal: "one"; valence: "pain" | "pleasure" }
  /** A signal of this valence on the target, closed as remedied by the data. */
  | { signal: "remedied"; valence: "pain" }
  /** A pain signal in the crisis band on the target that reached the root. */
  | { signal: "crisis" }
  /** Single outliers: nothing but transient signals on the target (an extreme spike pages by itself), none left running. */
  | { signal: "transients" }
  /** A finding of the diagnosis rather than a signal (silent unit, S2 oscillation). */
  | { finding: "silent" | "oscillation" };

/** Factor on the level of target `i` at simulated minute `minute`; null: the unit sends nothing. */
export type Effect = (i: number, minute: number) => number | null;

/** An alert as Prometheus' alerting would post it while the incident lasts. */
export interface ScriptedAlert {
  unit: string;
  name: string;
  severity: "critical" | "warning";
  summary: string;
}

/**
 * What the scripted operator does about an incident, `after` simulated minutes from its start
 * (docs/simulator.md, "The operator"): the responses the Variety page counts as regulation.
 */
export type ScriptedResponse =
  | { after: number; by: string; action: "acknowledge"; note: string; etaMinutes: number }
  | { after: number; by: string; action: "resolve"; reason: string; resolution: "fixed" | "accepted-new-normal" | "false-alarm" }
  | { after: number; by: string; action: "note"; text: string }
  | { after: number; by: string; action: "silence"; reason: string; minutes: number };

export interface Incident {
  name: string;
  kind: IncidentKind;
  description: string;
  targets: readonly Target[];
  /** Simulated minutes from the start of the run. */
  from: number;
  to: number;
  effect: Effect;
  alert?: ScriptedAlert;
  responses?: readonly ScriptedResponse[];
  expect: Expectation;
}

/** Simulated minute of a simulated time, counted from the start of the run. */
export const minuteOf = (simTime: number, simStart: number): number => (simTime - simStart) / MINUTE;

/** The level moves by `factor` at `from` and stays there. */
export const stepTo =
  (from: number, factor: number): Effect =>
  (_i, minute) =>
    minute >= from ? factor : 1;

/** A straight ramp from the level at `from` to `factor` × the level at `to`, held afterwards. */
export const rampTo =
  (from: number, to: number, factor: number): Effect =>
  (_i, minute) =>
    minute < from ? 1 : 1 + (factor - 1) * Math.min(1, (minute - from) / (to - from));

/** `factor` for the minutes in [from, to), the quiet level otherwise. */
export const during =
  (from: number, to: number, factor: number): Effect =>
  (_i, minute) =>
    minute >= from && minute < to ? factor : 1;

/** Single points of `factor` at the listed minutes (each lasting under a minute). */
export const spikesAt =
  (minutes: readonly number[], factor: number): Effect =>
  (_i, minute) =>
    minutes.some((m) => minute >= m && minute < m + 1) ? factor : 1;

/**
 * Two targets swinging in anti-phase around their levels, as two services contending for one
 * resource do: relative `amplitude`, `period` in minutes, over [from, to).
 */
export const antiPhase =
  (from: number, to: number, period: number, amplitude: number): Effect =>
  (i, minute) =>
    minute >= from && minute < to ? 1 + amplitude * Math.sin((2 * Math.PI * (minute - from)) / period + i * Math.PI) : 1;

/** The targets send nothing from `from` on. */
export const silentFrom =
  (from: number): Effect =>
  (_i, minute) =>
    minute >= from ? null : 1;
