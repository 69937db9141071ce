import type { MetricFamily } from "@/lib/metrics/exposition";
import type { SignalGauges } from "@/lib/store/signal-gauges";

/**
 * The gauges read from the database at scrape time, shared by every instance (docs/metrics.md):
 * running signals by valence and holding level, and how late the deadline workers are.
 */
export function databaseFamilies(gauges: SignalGauges, now: number): MetricFamily[] {
  return [
    {
      name: "vsm_signals_open",
      help: "Running algedonic signals (open, acknowledged or escalated) by valence and the recursion level holding them.",
      type: "gauge",
      samples: gauges.open.map(({ valence, holderLevel, count }) => ({
        suffix: "",
        labels: [
          ["valence", valence],
          ["holder_level", String(holderLevel)],
        ],
        value: count,
      })),
    },
    {
      name: "vsm_deadline_lag_seconds",
      help: "Seconds since the oldest signal deadline that is due and not yet fired fell due; 0 when none is waiting.",
      type: "gauge",
      samples: [{ suffix: "", labels: [], value: gauges.oldestDueAt === null ? 0 : Math.max(0, now - gauges.oldestDueAt) / 1000 }],
    },
  ];
}
