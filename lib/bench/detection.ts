import { runFilter, runThreeSigma, type Alarm, type DetectorRun } from "@/lib/bench/detectors";
import { describeMachine } from "@/lib/bench/machine";
import { SCENARIOS, type Scenario } from "@/lib/bench/scenarios";
import { summariseDelays, type DelaySummary } from "@/lib/bench/stats";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { syntheticSeries, type Change } from "@/lib/vsm/filter/synthetic-series";
import { resolvePolicy } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";

/**
 * Detection benchmark: the Cyberstride filter at S5 policy defaults against the ops 3σ rule on
 * the same seeded series. `--series N` sets series per scenario (default 1,000); `--policy JSON`
 * evaluates a policy override instead of the defaults.
 */
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const SERIES = Number(option("--series") ?? 1000);
const policy = resolvePolicy([JSON.parse(option("--policy") ?? "{}")]);
const params = filterParams(policy, { direction: "up", kind: "raw" });
/** The ops rule's trailing window: 30 points, i.e. the usual 30-minute window at one point a minute. */
const WINDOW = 30;
/** Alarms count from the point where both detectors may speak: after the warm-up and a full window. */
const QUIET = Math.max(WINDOW, policy.filter.warmup);

interface Detector {
  name: string;
  run(series: readonly number[]): DetectorRun;
  alarms(run: DetectorRun): Alarm[];
}

const filterPages: Detector = { name: "Cyberstride, pages (confirmed signals)", run: (s) => runFilter(s, params), alarms: (r) => r.pages };
const filterFlags: Detector = {
  name: "Cyberstride, first flag (provisional or annotation)",
  run: (s) => runFilter(s, params),
  alarms: (r) => [...r.pages, ...r.flags].sort((a, b) => a.point - b.point),
};
const sigmaRule = (k: number): Detector => ({ name: `${k === 3 ? 3 : k.toFixed(2)}σ rule, trailing window ${WINDOW}`, run: (s) => runThreeSigma(s, WINDOW, k), alarms: (r) => r.pages });

interface Row {
  falseAlarmsPer1000: number;
  delays: Partial<Record<Scenario["name"], DelaySummary>>;
  /** Share of outlier series where the outlier caused a page. */
  outlierPages: number;
}

function seriesFor(scenario: Scenario, index: number): { series: number[]; change: Change | undefined } {
  const random = seededRandom(1_000_003 * (SCENARIOS.indexOf(scenario) + 1) + index);
  const change = scenario.change(random);
  return { series: syntheticSeries(random, { length: scenario.length, change }), change };
}

/** Delay to the first alarm in the change's direction within the horizon, or undefined (a miss). */
function delayOf(alarms: readonly Alarm[], change: Change, horizon: number): number | undefined {
  const direction = Math.sign(change.size);
  const hit = alarms.find((a) => a.point >= change.at && a.point <= change.at + horizon && a.direction === direction);
  return hit ? hit.point - change.at : undefined;
}

function evaluate(detector: Detector, scenarios: readonly Scenario[] = SCENARIOS): Row {
  const row: Row = { falseAlarmsPer1000: 0, delays: {}, outlierPages: 0 };
  for (const scenario of scenarios) {
    const delays: (number | undefined)[] = [];
    let alarms = 0;
    let points = 0;
    let pagedOutliers = 0;
    for (let i = 0; i < SERIES; i++) {
      const { series, change } = seriesFor(scenario, i);
      const run = detector.run(series);
      if (!change) {
        alarms += detector.alarms(run).filter((a) => a.point > QUIET).length;
        points += series.length - QUIET;
        continue;
      }
      delays.push(delayOf(detector.alarms(run), change, scenario.horizon));
      if (change.kind === "outlier" && run.pages.some((a) => a.point >= change.at && a.point <= change.at + 5)) pagedOutliers += 1;
    }
    if (scenario.name === "steady") row.falseAlarmsPer1000 = (1000 * alarms) / points;
    else row.delays[scenario.name] = summariseDelays(delays);
    if (scenario.name === "outlier") row.outlierPages = pagedOutliers / SERIES;
  }
  return row;
}

/**
 * The k at which the kσ rule raises as few false alarms as the filter's pages, by bisection on
 * the steady scenario: the like-for-like point on the rule's trade-off curve.
 */
function matchedK(target: number): number {
  const steady = SCENARIOS.filter((s) => s.name === "steady");
  let low = 3;
  let high = 8;
  for (let i = 0; i < 20; i++) {
    const k = (low + high) / 2;
    if (evaluate(sigmaRule(k), steady).falseAlarmsPer1000 > target) low = k;
    else high = k;
  }
  return high;
}

const cell = (s: DelaySummary | undefined) => (s ? `${(100 * s.rate).toFixed(1)}% · ${s.median ?? "–"} · ${s.p95 ?? "–"}` : "–");

const started = performance.now();
console.log(`Machine: ${describeMachine()}`);
console.log(`${SERIES} seeded series per scenario; level 100, noise σ = 1; delays in points after the change.`);
for (const s of SCENARIOS) console.log(`  ${s.name}: ${s.description}${s.horizon ? `; detection counts within ${s.horizon} points, in the change's direction` : ""}`);
console.log("");
console.log("| detector | false alarms / 1,000 pts | step: rate · median · p95 | slope: rate · median · p95 | outlier: rate · median · p95 | outliers paged |");
console.log("|---|---|---|---|---|---|");
const pages = evaluate(filterPages);
const rows: [Detector, Row][] = [
  [filterPages, pages],
  [filterFlags, evaluate(filterFlags)],
  [sigmaRule(3), evaluate(sigmaRule(3))],
];
const matched = sigmaRule(matchedK(pages.falseAlarmsPer1000));
rows.push([{ ...matched, name: `${matched.name} (k matched to the filter's false alarms)` }, evaluate(matched)]);
for (const [detector, row] of rows) {
  console.log(
    `| ${detector.name} | ${row.falseAlarmsPer1000.toFixed(3)} | ${cell(row.delays.step)} | ${cell(row.delays.slope)} | ${cell(row.delays.outlier)} | ${(100 * row.outlierPages).toFixed(1)}% |`,
  );
}
console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
