import { describeMachine } from "@/lib/bench/machine";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { stepFilter } from "@/lib/vsm/filter/step-filter";
import type { FilterState } from "@/lib/vsm/filter/schemas";
import { syntheticSeries, type Change } from "@/lib/vsm/filter/synthetic-series";
import { updateFilter } from "@/lib/vsm/filter/update-filter";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";
import { MINUTE } from "@/lib/vsm/types";

/**
 * Filter throughput on one core (target: ≥ 200,000 updates/s, docs/domain.md). Realistic input:
 * 1,000 indicators × 2,000 points one minute apart (so daily and weekly profiles are learnt as
 * well), each with noise and one change (step, slope or outlier), fed point by point through
 * updateFilter, output objects included. A first pass warms the JIT.
 */
const INDICATORS = 1000;
const POINTS = 2000;
const TARGET = 200_000;

const params = filterParams(DEFAULT_POLICY, { direction: "up", kind: "productivity" });
const kinds: Change["kind"][] = ["step", "slope", "outlier"];
const series = Array.from({ length: INDICATORS }, (_, i) => {
  const random = seededRandom(i + 1);
  const kind = kinds[i % kinds.length]!;
  const size = kind === "slope" ? 0.01 : kind === "step" ? 5 : 10;
  // Productivity-like values near 1 with a few percent of noise.
  return syntheticSeries(random, { length: POINTS, level: 1, sigma: 0.03, change: { kind, at: 500 + (i % 1000), size } }).values;
});

function runAll(): { updates: number; seconds: number; signals: number } {
  const states: FilterState[] = series.map(() => createFilterState());
  let signals = 0;
  const started = performance.now();
  for (let i = 0; i < INDICATORS; i++) {
    const state = states[i]!;
    const values = series[i]!;
    for (let k = 0; k < POINTS; k++) {
      const output = updateFilter(state, (k + 1) * MINUTE, values[k]!, params);
      if (output.phase !== "skipped") signals += output.events.length;
    }
  }
  return { updates: INDICATORS * POINTS, seconds: (performance.now() - started) / 1000, signals };
}

function runPure(points: number): number {
  let state = createFilterState();
  const values = series[0]!;
  const started = performance.now();
  for (let k = 0; k < points; k++) state = stepFilter(state, (k + 1) * MINUTE, values[k % POINTS]!, params).state;
  return points / ((performance.now() - started) / 1000);
}

console.log(`Machine: ${describeMachine()}`);
console.log(`Workload: ${INDICATORS} indicators × ${POINTS} points (noise with one step, slope or outlier each), default policy.`);
runAll();
const { updates, seconds, signals } = runAll();
const rate = updates / seconds;
console.log(
  `updateFilter (in place): ${updates.toLocaleString("en")} updates in ${seconds.toFixed(2)} s = ${Math.round(rate).toLocaleString("en")} updates/s (${signals} change events)`,
);
runPure(200_000);
console.log(`stepFilter (pure, copies state): ${Math.round(runPure(1_000_000)).toLocaleString("en")} updates/s`);
console.log(rate >= TARGET ? `OK: ≥ ${TARGET.toLocaleString("en")} updates/s` : `BELOW TARGET of ${TARGET.toLocaleString("en")} updates/s`);
if (rate < TARGET) process.exitCode = 1;
