import { seededRandom, type Random } from "@/lib/vsm/random";
import { DAY, MINUTE } from "@/lib/vsm/types";

/**
 * The telemetry the ingest benchmark sends: a model of `units` × the indicators below, and a
 * seeded generator of their values as real services report them — a level with noise, a daily
 * cycle and an occasional step — one point per series per interval, each series' time advancing.
 * Deterministic: the same seed gives the same rows, so HTTP and COPY can be handed the same data.
 */

interface IndicatorKind {
  /** The OpenTelemetry metric name; the console maps it to the key (dots become '-'). */
  metric: string;
  unit: string;
  direction: "up" | "down";
  level: number;
  /** Noise sd and daily amplitude, as fractions of the level. */
  noise: number;
  daily: number;
  /** Whole numbers (counts) rather than measurements. */
  integer?: boolean;
}

const KINDS: readonly IndicatorKind[] = [
  { metric: "http.server.requests", unit: "req/s", direction: "up", level: 400, noise: 0.05, daily: 0.6 },
  { metric: "http.server.errors", unit: "req/s", direction: "down", level: 2, noise: 0.5, daily: 0.4 },
  { metric: "http.server.duration.p50", unit: "ms", direction: "down", level: 40, noise: 0.08, daily: 0.2 },
  { metric: "http.server.duration.p99", unit: "ms", direction: "down", level: 250, noise: 0.2, daily: 0.3 },
  { metric: "process.cpu.utilization", unit: "%", direction: "down", level: 35, noise: 0.1, daily: 0.5 },
  { metric: "process.memory.usage", unit: "MiB", direction: "down", level: 900, noise: 0.01, daily: 0.05 },
  { metric: "queue.depth", unit: "items", direction: "down", level: 12, noise: 0.4, daily: 0.3, integer: true },
  { metric: "queue.age", unit: "s", direction: "down", level: 3, noise: 0.3, daily: 0.3 },
  { metric: "db.pool.active", unit: "conns", direction: "down", level: 8, noise: 0.25, daily: 0.4, integer: true },
  { metric: "db.query.duration", unit: "ms", direction: "down", level: 6, noise: 0.15, daily: 0.2 },
  { metric: "cache.hit.ratio", unit: "%", direction: "up", level: 92, noise: 0.01, daily: 0.02 },
  { metric: "orders.placed", unit: "1/min", direction: "up", level: 60, noise: 0.15, daily: 0.8, integer: true },
  { metric: "payments.declined", unit: "1/min", direction: "down", level: 1.5, noise: 0.6, daily: 0.5, integer: true },
  { metric: "gc.pause", unit: "ms", direction: "down", level: 15, noise: 0.3, daily: 0.1 },
  { metric: "network.in", unit: "MB/s", direction: "up", level: 20, noise: 0.1, daily: 0.6 },
  { metric: "network.out", unit: "MB/s", direction: "up", level: 35, noise: 0.1, daily: 0.6 },
  { metric: "disk.used", unit: "%", direction: "down", level: 55, noise: 0.002, daily: 0.0 },
  { metric: "sessions.active", unit: "users", direction: "up", level: 1500, noise: 0.03, daily: 0.7, integer: true },
  { metric: "jobs.failed", unit: "1/min", direction: "down", level: 0.5, noise: 1, daily: 0.2, integer: true },
  { metric: "saturation", unit: "%", direction: "down", level: 45, noise: 0.08, daily: 0.5 },
];

export const MAX_INDICATORS_PER_UNIT = KINDS.length;

/** One series: an indicator of a unit, as the senders name it. */
export interface Series {
  unitPath: string;
  /** The indicator key (JSON clients) and the metric name (OpenTelemetry) of the same indicator. */
  key: string;
  metric: string;
  kind: IndicatorKind;
}

export interface BenchShape {
  units: number;
  indicatorsPerUnit: number;
}

export const unitPath = (u: number) => `bench/unit-${String(u + 1).padStart(3, "0")}`;
const keyOf = (metric: string) => metric.replaceAll(".", "-");

export function benchSeries({ units, indicatorsPerUnit }: BenchShape): Series[] {
  if (indicatorsPerUnit > KINDS.length) throw new RangeError(`at most ${KINDS.length} indicators per unit`);
  return Array.from({ length: units }, (_, u) =>
    KINDS.slice(0, indicatorsPerUnit).map((kind) => ({ unitPath: unitPath(u), key: keyOf(kind.metric), metric: kind.metric, kind })),
  ).flat();
}

/** The model file (JSON, which the YAML reader also takes): a root with the units as its S1. */
export function benchModel(shape: BenchShape): string {
  const systems = [
    { path: "bench", name: "Ingest benchmark" },
    ...Array.from({ length: shape.units }, (_, u) => ({
      path: unitPath(u),
      name: `Unit ${u + 1}`,
      indicators: KINDS.slice(0, shape.indicatorsPerUnit).map((k) => ({
        key: keyOf(k.metric),
        name: k.metric,
        unit: k.unit,
        direction: k.direction,
      })),
    })),
  ];
  return JSON.stringify({ version: 1, systems });
}

export interface Row {
  series: Series;
  time: number;
  value: number;
}

/**
 * The points of a set of series, one round (every series once) per `interval`, starting at
 * `start`. Each series has its own phase, level and noise stream; a step of 3–6 noise sds comes
 * about once per 2,000 points and stays, as after a deploy or a traffic shift.
 */
export class SeriesGenerator {
  private time: number;
  private readonly state: { level: number; phase: number; random: Random }[];

  constructor(
    readonly series: readonly Series[],
    seed: number,
    start: number,
    readonly interval = MINUTE,
  ) {
    this.time = start;
    this.state = series.map((s, i) => {
      const random = seededRandom(seed * 100_003 + i);
      return { level: s.kind.level * (0.5 + random.next()), phase: random.next() * DAY, random };
    });
  }

  /** The next `rounds` rounds, as rows ordered by round then series. */
  next(rounds: number): Row[] {
    const rows: Row[] = [];
    for (let r = 0; r < rounds; r++) {
      for (let i = 0; i < this.series.length; i++) rows.push(this.point(i));
      this.time += this.interval;
    }
    return rows;
  }

  private point(i: number): Row {
    const series = this.series[i]!;
    const s = this.state[i]!;
    const { noise, daily, integer } = series.kind;
    if (s.random.next() < 1 / 2000) s.level *= 1 + (s.random.next() < 0.5 ? -1 : 1) * noise * (3 + 3 * s.random.next());
    const cycle = 1 + daily * Math.sin((2 * Math.PI * (this.time + s.phase)) / DAY);
    const raw = Math.max(0, s.level * cycle * (1 + noise * s.random.normal()));
    return { series, time: this.time, value: integer ? Math.round(raw) : Math.round(raw * 1000) / 1000 };
  }
}
