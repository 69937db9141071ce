import { describeMachine } from "@/lib/bench/machine";
import { createThreeSigma } from "@/lib/bench/three-sigma";
import {
  AUTOCORRELATED,
  DAILY,
  outlierNotPaged,
  pageRate,
  quietOnNoise,
  rampOneSlope,
  stepPaged,
  type Tally,
} from "@/lib/vsm/filter/acceptance-criteria";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { syntheticSeries } from "@/lib/vsm/filter/synthetic-series";
import { resolvePolicy } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";

/**
 * The acceptance criteria of acceptance-criteria.test.ts, counted over seeds 1–N (default 1,000)
 * with each failing seed listed, so a change to the filter can be judged on more seeds than the
 * test runs. `--seeds N` sets N; `--policy JSON` evaluates a policy override.
 */
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const SEEDS = Number(option("--seeds") ?? 1000);
const params = filterParams(resolvePolicy([JSON.parse(option("--policy") ?? "{}")]), { direction: "up", kind: "raw" });

/** The 3σ rule's alarms per 1,000 points on the same AR(1) series (trailing 30 points, first point of each run). */
function ruleRate(seeds: number): number {
  let alarms = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    const rule = createThreeSigma(30);
    let previous = 0;
    for (const y of syntheticSeries(seededRandom(seed), AUTOCORRELATED).values) {
      const side = rule.update(y);
      if (side !== 0 && side !== previous) alarms += 1;
      previous = side;
    }
  }
  return (1000 * alarms) / (seeds * AUTOCORRELATED.length);
}

const print = (t: Tally) => {
  console.log(`${t.name}: ${t.passed}/${t.total} (${((100 * t.passed) / t.total).toFixed(1)}%)`);
  if (t.failures.length > 0) console.log(`    failing seeds: ${t.failures.slice(0, 40).join(", ")}${t.failures.length > 40 ? " …" : ""}`);
};

console.log(`Machine: ${describeMachine()}`);
console.log(`Seeds 1–${SEEDS}; level 100, σ = 1, one point a minute, raw index, up is good.`);
for (const t of [
  quietOnNoise(params, SEEDS),
  stepPaged(params, SEEDS, 5),
  stepPaged(params, SEEDS, -5),
  outlierNotPaged(params, SEEDS, 10),
  outlierNotPaged(params, SEEDS, -10),
  rampOneSlope(params, SEEDS, 2),
  rampOneSlope(params, SEEDS, -2),
])
  print(t);
console.log(
  `pages per 1,000 points on AR(1) φ 0.8 noise: ${pageRate(params, SEEDS, AUTOCORRELATED).toFixed(3)} (3σ rule: ${ruleRate(SEEDS).toFixed(3)})`,
);
const daily = Math.max(1, Math.round(SEEDS / 5));
console.log(
  `pages per 1,000 points on a 3σ daily sine, two weeks every 5 minutes (${daily} series): ${pageRate(params, daily, DAILY).toFixed(3)}`,
);
