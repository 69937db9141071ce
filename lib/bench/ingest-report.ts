import os from "node:os";
import type { RunFigures } from "@/lib/bench/ingest-clients";
import { percentile } from "@/lib/bench/stats";

/** One line of the ingest benchmark's table. */
export interface PhaseFigures {
  label: string;
  run: RunFigures;
  /** Rows the database gained during the run: what was stored, not only sent. */
  stored: number;
  /** One-minute load average when the run ended: other work on the machine shows here. */
  load: number;
}

export const loadNow = () => os.loadavg()[0] ?? Number.NaN;

export const obsPerSecond = (p: PhaseFigures) => p.stored / p.run.seconds;

const int = (n: number) => Math.round(n).toLocaleString("en-US");
const ms = (n: number | undefined) => (n === undefined ? "–" : n.toFixed(1));

export function printTable(phases: readonly PhaseFigures[]): void {
  const header = ["run", "batches", "observations", "obs/s", "p50 ms", "p99 ms", "fold s", "node cpu µs/obs", "load"];
  const lines = phases.map((p) => {
    const sorted = [...p.run.latencies].sort((a, b) => a - b);
    return [
      p.label,
      int(p.run.batches),
      int(p.stored),
      int(obsPerSecond(p)),
      ms(percentile(sorted, 50)),
      ms(percentile(sorted, 99)),
      p.run.settleSeconds.toFixed(2),
      ((p.run.cpuMs * 1000) / Math.max(p.stored, 1)).toFixed(1),
      p.load.toFixed(2),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(format(header));
  for (const line of lines) console.log(format(line));
}
