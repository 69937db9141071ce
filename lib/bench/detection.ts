import { runFilter, runSeasonalBaseline, runThreeSigma, type Alarm, type DetectorRun } from "@/lib/bench/detectors";
import { describeMachine } from "@/lib/bench/machine";
import { SCENARIOS, type Scenario } from "@/lib/bench/scenarios";
import { summariseDelays, type DelaySummary } from "@/lib/bench/stats";
import { filterParams } from "@/lib/vsm/filter/filter-params";
import { syntheticSeries, type Change, type Series } from "@/lib/vsm/filter/synthetic-series";
import { resolvePolicy } from "@/lib/vsm/policy";
import { seededRandom } from "@/lib/vsm/random";

/**
 * Detection benchmark: the Cyberstride filter at S5 policy defaults against the ops 3σ rule and a
 * seasonal baseline on the same seeded series, for changes on normal noise and for the kinds of
 * noise real telemetry shows. `--series N` sets series per scenario (default 1,000; the two-week
 * daily scenarios run a fifth of that); `--policy JSON` evaluates a policy override.
 */
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const SERIES = Number(option("--series") ?? 1000);
const policy = resolvePolicy([JSON.parse(option("--policy") ?? "{}")]);
const params = filterParams(policy, { direction: "up", kind: "raw" });
/** The ops rule's trailing window: 30 points, the usual 30-minute window at one point a minute. */
const WINDOW = 30;
/** Alarms count from the point where the detectors may speak: after the warm-up and a full window. */
const QUIET = Math.max(WINDOW, policy.filter.warmup);

interface Detector {
  name: string;
  run(series: Series): DetectorRun;
  alarms(run: DetectorRun): Alarm[];
}

const filterPages: Detector = { name: "Cyberstride, pages", run: (s) => runFilter(s, params), alarms: (r) => r.pages };
const filterFlags: Detector = {
  name: "Cyberstride, first flag (provisional or annotation)",
  run: (s) => runFilter(s, params),
  alarms: (r) => [...r.pages, ...r.flags].sort((a, b) => a.point - b.point),
};
const filterReports: Detector = {
  name: "Cyberstride, reports (pages and episode updates)",
  run: (s) => runFilter(s, params),
  alarms: (r) => r.reports,
};
const sigmaRule = (k: number): Detector => ({
  name: `${k === 3 ? 3 : k.toFixed(2)}σ rule, trailing ${WINDOW} points`,
  run: (s) => runThreeSigma(s, WINDOW, k),
  alarms: (r) => r.pages,
});
const seasonal: Detector = {
  name: "3σ seasonal baseline (same time, last 7 days)",
  // Slots as wide as the typical interval: one value per slot per day.
  run: (s) => runSeasonalBaseline(s, s.times[1]! - s.times[0]!),
  alarms: (r) => r.pages,
};

interface Result {
  /** Alarms per 1,000 points on a scenario without a change. */
  falseAlarms?: number;
  delays?: DelaySummary;
  /** Share of outlier series where the outlier caused a page. */
  outliersPaged?: number;
}

function seriesFor(scenario: Scenario, index: number): { series: Series; change: Change | undefined } {
  const random = seededRandom(1_000_003 * (SCENARIOS.indexOf(scenario) + 1) + index);
  const options = scenario.options(random);
  return { series: syntheticSeries(random, options), change: options.change };
}

/** Delay to the first alarm in the change's direction within the horizon, or undefined (a miss). */
function delayOf(alarms: readonly Alarm[], change: Change, horizon: number): number | undefined {
  const direction = Math.sign(change.size);
  const hit = alarms.find((a) => a.point >= change.at && a.point <= change.at + horizon && a.direction === direction);
  return hit ? hit.point - change.at : undefined;
}

function evaluate(detector: Detector, scenario: Scenario): Result {
  const count = Math.max(1, Math.round(SERIES * scenario.share));
  const delays: (number | undefined)[] = [];
  let alarms = 0;
  let points = 0;
  let paged = 0;
  for (let i = 0; i < count; i++) {
    const { series, change } = seriesFor(scenario, i);
    const run = detector.run(series);
    if (!change) {
      alarms += detector.alarms(run).filter((a) => a.point > QUIET).length;
      points += series.values.length - QUIET;
    } else if (change.kind === "outlier") {
      if (run.pages.some((a) => a.point >= change.at && a.point <= change.at + 5)) paged += 1;
    } else delays.push(delayOf(detector.alarms(run), change, scenario.horizon));
  }
  if (points > 0) return { falseAlarms: (1000 * alarms) / points };
  if (delays.length > 0) return { delays: summariseDelays(delays) };
  return { outliersPaged: paged / count };
}

/** The k at which the kσ rule raises as few false alarms as the filter's pages, by bisection on the steady scenario. */
function matchedK(target: number, steady: Scenario): number {
  let low = 3;
  let high = 8;
  for (let i = 0; i < 20; i++) {
    const k = (low + high) / 2;
    if (evaluate(sigmaRule(k), steady).falseAlarms! > target) low = k;
    else high = k;
  }
  return high;
}

const delayCell = (s: DelaySummary | undefined) => (s ? `${(100 * s.rate).toFixed(1)}% · ${s.median ?? "–"} · ${s.p95 ?? "–"}` : "–");
const byName = (name: string) => SCENARIOS.find((s) => s.name === name)!;

const started = performance.now();
console.log(`Machine: ${describeMachine()}`);
console.log(
  `${SERIES} seeded series per scenario (the two-week daily ones: ${Math.round(SERIES * 0.2)}); delays in points after the change, as rate · median · p95.`,
);
for (const s of SCENARIOS) console.log(`  ${s.name}: ${s.description}`);

console.log("\nChanges on normal noise (σ = 1):\n");
console.log("| detector | false alarms / 1,000 pts | step | slope | outliers paged |");
console.log("|---|---|---|---|---|");
const steady = byName("steady");
const pagesSteady = evaluate(filterPages, steady).falseAlarms!;
const matched = sigmaRule(matchedK(pagesSteady, steady));
for (const detector of [
  filterPages,
  filterFlags,
  sigmaRule(3),
  { ...matched, name: `${matched.name} (k matched to the pages' false alarms)` },
]) {
  const [fa, st, sl, out] = ["steady", "step", "slope", "outlier"].map((name) => evaluate(detector, byName(name)));
  console.log(
    `| ${detector.name} | ${fa!.falseAlarms!.toFixed(3)} | ${delayCell(st!.delays)} | ${delayCell(sl!.delays)} | ${(100 * out!.outliersPaged!).toFixed(1)}% |`,
  );
}

console.log("\nKinds of noise: false alarms per 1,000 points, and a ±5σ step on the same noise (detected within 20 points).");
console.log(
  "A step that falls inside an episode a false alarm opened is reported as its update, not paged: the reports column counts both.\n",
);
const detectors = [filterPages, sigmaRule(3), seasonal];
console.log(`| noise | ${detectors.map((d) => `${d.name}: false alarms · step`).join(" | ")} | ${filterReports.name}: step |`);
console.log(`|---|${detectors.map(() => "---").join("|")}|---|`);
for (const scenario of SCENARIOS.filter((s) => s.table === "noise" && s.horizon === 0)) {
  const withStep = byName(`${scenario.name} + step`);
  const cells = detectors.map((d) => `${evaluate(d, scenario).falseAlarms!.toFixed(3)} · ${delayCell(evaluate(d, withStep).delays)}`);
  console.log(`| ${scenario.name} | ${cells.join(" | ")} | ${delayCell(evaluate(filterReports, withStep).delays)} |`);
}
console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
