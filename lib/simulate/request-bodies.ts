import type { ScriptedAlert } from "@/lib/simulate/incident";

/**
 * The bodies the simulator posts, in each endpoint's own wire format (docs/telemetry-in.md), so
 * that it exercises the console exactly as a real sender does.
 */

export interface GaugePoint {
  unit: string;
  indicator: string;
  /** Epoch ms. */
  time: number;
  value: number;
}

export interface CounterPoint extends GaugePoint {
  /** When the counter started counting (epoch ms), as OTLP's startTimeUnixNano. */
  start: number;
}

/** `POST /api/v1/observations`. */
export function observationsBody(points: readonly GaugePoint[]): { observations: GaugePoint[] } {
  return { observations: [...points] };
}

const nanos = (ms: number): string => `${BigInt(ms) * 1_000_000n}`;

/** Items grouped by a key, in first-seen order (Node 20 has no Map.groupBy). */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * `POST /api/otlp/v1/metrics` in OTLP/JSON: one resource per unit (its `vsm.unit` attribute), each
 * counter a monotonic cumulative sum named as an OpenTelemetry instrument would be
 * (`request.rate`, which the console maps back to the indicator `request-rate`).
 */
export function otlpCountersBody(points: readonly CounterPoint[]): unknown {
  const byUnit = groupBy(points, (p) => p.unit);
  return {
    resourceMetrics: [...byUnit].map(([unit, unitPoints]) => ({
      resource: { attributes: [{ key: "vsm.unit", value: { stringValue: unit } }] },
      scopeMetrics: [
        {
          scope: { name: "vsm-simulator" },
          metrics: [...groupBy(unitPoints, (p) => p.indicator)].map(([indicator, series]) => ({
            name: indicator.replaceAll("-", "."),
            sum: {
              aggregationTemporality: 2,
              isMonotonic: true,
              dataPoints: series.map((p) => ({ startTimeUnixNano: nanos(p.start), timeUnixNano: nanos(p.time), asDouble: p.value })),
            },
          })),
        },
      ],
    })),
  };
}

/**
 * `POST /api/v2/alerts`, as Prometheus posts a firing alert (ending a few minutes ahead unless sent
 * again) or a resolved one (`endsAt` the moment it resolved).
 */
export function alertsBody(alert: ScriptedAlert, startsAt: number, endsAt: number): unknown[] {
  return [
    {
      labels: { alertname: alert.name, severity: alert.severity, vsm_unit: alert.unit },
      annotations: { summary: alert.summary },
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(endsAt).toISOString(),
      generatorURL: "http://prometheus.local/graph",
    },
  ];
}
