import type { ModelFile } from "@/lib/model-file/schemas";
import { minuteOf, type Incident } from "@/lib/simulate/incident";
import type { IngestClient } from "@/lib/simulate/ingest-client";
import { alertsBody, observationsBody, otlpCountersBody, type CounterPoint, type GaugePoint } from "@/lib/simulate/request-bodies";
import { incidentFactor, simulatedSeries } from "@/lib/simulate/simulated-series";
import { MINUTE, SECOND } from "@/lib/vsm/types";

/**
 * The simulator's loop (docs/simulator.md). Simulated time runs `speed` times faster than the
 * clock; each point is stamped with the real time it stands for, so the console's clocks
 * (deadlines, silences, "silent for five intervals") and the data agree, and an escalation
 * allowance of two minutes is two minutes on the screen. A point is generated every `interval` of
 * simulated time (one a minute by default: a point a second at speed 60), and what fell due since
 * the last turn is posted together, at most once a second.
 */
export interface SimulatorOptions {
  client: IngestClient;
  model: ModelFile;
  incidents: readonly Incident[];
  seed: number;
  speed: number;
  /** Simulated time between two points of a series; a minute by default. */
  interval?: number;
  /** Stop after this many simulated minutes; run until aborted otherwise. */
  minutes?: number;
  signal?: AbortSignal;
  log?: (line: string) => void;
  /** Called after each turn with the simulated minute reached: the scripted operator acts here. */
  onMinute?: (minute: number) => Promise<void>;
  /** The clock; tests may pass their own. */
  now?: () => number;
}

export interface SimulatorTotals {
  startedAt: number;
  /** Simulated minutes covered. */
  minutes: number;
  observations: number;
  counterPoints: number;
  alertPosts: number;
}

/** A batch holds at most this many samples per series, so a slow console never gets a huge one. */
const MAX_SAMPLES_PER_BATCH = 50;
/** How often a firing alert is posted again, in real time (Prometheus resends on each evaluation). */
const ALERT_RESEND = 60 * SECOND;
/** A firing alert ends this long after it was last sent, unless sent again (Prometheus' 4 × interval). */
const ALERT_HOLD = 4 * MINUTE;

const clockOf = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(Math.floor(minutes % 60)).padStart(2, "0")}`;

export async function runSimulator(options: SimulatorOptions): Promise<SimulatorTotals> {
  const { client, speed, signal } = options;
  if (!(speed > 0 && Number.isFinite(speed))) throw new RangeError(`speed must be a positive number, got ${speed}`);
  const interval = options.interval ?? MINUTE;
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => undefined);
  const series = simulatedSeries(options.model, options.incidents, options.seed);
  const startedAt = now();
  // Simulated time starts at the real time of day, so the daily cycle matches the clock at speed 1.
  const simStart = startedAt;
  const realTimeOf = (sample: number) => startedAt + (sample * interval) / speed;
  const lastSample = options.minutes === undefined ? Number.POSITIVE_INFINITY : Math.floor((options.minutes * MINUTE) / interval);
  const totals: SimulatorTotals = { startedAt, minutes: 0, observations: 0, counterPoints: 0, alertPosts: 0 };
  const announced = new Set<string>();
  const alerts = new Map<string, AlertState>();

  let next = 0;
  let lastPost = Number.NEGATIVE_INFINITY;
  while (next <= lastSample && !signal?.aborted) {
    // The next sample's time has come, and a second has passed since the last post: a fast run posts what fell due together.
    const wait = Math.max(realTimeOf(next), lastPost + SECOND) - now();
    if (wait > 0) {
      await sleep(Math.min(SECOND, wait), signal);
      continue;
    }
    const reached = Math.max(next, Math.floor(((now() - startedAt) * speed) / interval));
    const due = Math.min(lastSample, reached, next + MAX_SAMPLES_PER_BATCH - 1);
    lastPost = now();
    const gauges: GaugePoint[] = [];
    const counters: CounterPoint[] = [];
    for (let sample = next; sample <= due; sample++) {
      const simTime = simStart + sample * interval;
      const minute = minuteOf(simTime, simStart);
      const time = Math.floor(realTimeOf(sample));
      for (const s of series) {
        const factor = incidentFactor(s, minute);
        if (factor === null) continue;
        const value = s.generator.value(simTime, factor);
        if (s.generator.profile.counter) {
          counters.push({
            unit: s.unit,
            indicator: s.indicator,
            time,
            start: startedAt,
            value: s.generator.count(value, interval / speed / SECOND),
          });
        } else gauges.push({ unit: s.unit, indicator: s.indicator, time, value });
      }
      for (const incident of options.incidents) {
        if (minute >= incident.from && !announced.has(incident.name)) {
          announced.add(incident.name);
          log(`${clockOf(minute)} simulated: ${incident.name} — ${incident.description}`);
        }
      }
    }
    if (gauges.length > 0) await client.post("/api/v1/observations", observationsBody(gauges));
    if (counters.length > 0) await client.post("/api/otlp/v1/metrics", otlpCountersBody(counters));
    totals.observations += gauges.length;
    totals.counterPoints += counters.length;
    totals.alertPosts += await postAlerts(client, options.incidents, minuteOf(simStart + due * interval, simStart), now(), alerts);
    totals.minutes = ((due + 1) * interval) / MINUTE;
    next = due + 1;
    await options.onMinute?.(minuteOf(simStart + due * interval, simStart));
  }
  return totals;
}

/** Where a scripted alert stands: when it started firing, when it was last posted, and whether it resolved. */
interface AlertState {
  startedAt: number;
  lastSent: number;
  resolved: boolean;
}

/**
 * Posts each scripted alert as Prometheus would: when it starts firing, again every minute while
 * it fires (each time ending a few minutes ahead), and once resolved, with the time it ended.
 */
async function postAlerts(
  client: IngestClient,
  incidents: readonly Incident[],
  minute: number,
  now: number,
  states: Map<string, AlertState>,
): Promise<number> {
  let posts = 0;
  for (const incident of incidents) {
    if (!incident.alert) continue;
    const firing = minute >= incident.from && minute < incident.to;
    const state = states.get(incident.name);
    if (firing && (state === undefined || now - state.lastSent >= ALERT_RESEND)) {
      const startedAt = state?.startedAt ?? now;
      await client.post("/api/v2/alerts", alertsBody(incident.alert, startedAt, now + ALERT_HOLD));
      states.set(incident.name, { startedAt, lastSent: now, resolved: false });
      posts += 1;
    } else if (!firing && state !== undefined && !state.resolved) {
      await client.post("/api/v2/alerts", alertsBody(incident.alert, state.startedAt, now));
      states.set(incident.name, { ...state, resolved: true });
      posts += 1;
    }
  }
  return posts;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, Math.max(0, ms));
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
