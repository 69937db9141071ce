import { existsSync } from "node:fs";
import { describeMachine } from "@/lib/bench/machine";
import { byCategory } from "@/lib/bench/nab/category-summary";
import { loadCorpus } from "@/lib/bench/nab/corpus";
import { cyberstrideCalibration, cyberstrideParams, cyberstridePages, cyberstrideScore } from "@/lib/bench/nab/cyberstride-detector";
import { runDetector, type Detector } from "@/lib/bench/nab/detector";
import { evaluateDetector, sweepCorpus } from "@/lib/bench/nab/evaluate";
import { nabDir } from "@/lib/bench/nab/nab-dir";
import { normalise, scoreRange } from "@/lib/bench/nab/normalise";
import { loadProfiles, PROFILE_NAMES } from "@/lib/bench/nab/profiles";
import { publishedBaselines } from "@/lib/bench/nab/published-baselines";
import { loadPublishedScores } from "@/lib/bench/nab/published-scores";
import { calibrationTable, categoryTable, DETECTOR_HEADER, detectorRow, fileTable, publishedRow, table } from "@/lib/bench/nab/report";
import { missingBaselines } from "@/lib/bench/nab/baseline-outputs";
import { reproducePublished } from "@/lib/bench/nab/reproduce-published";

/**
 * NAB benchmark: the Cyberstride filter on the Numenta Anomaly Benchmark subset in ../shared/nab
 * (or NAB_DIR), scored exactly as NAB scores, beside NAB's published detectors on the same files.
 * `--policy JSON` evaluates a policy override; `--files` adds per-file lines.
 */
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const known = new Set(["--policy", "--files"]);
const unknown = args.filter((a, i) => a.startsWith("--") && !known.has(a) && args[i - 1] !== "--policy");
const policyText = option("--policy");
const usage = (problem: string): never => {
  console.error(`bench:nab takes --policy JSON and --files; ${problem}`);
  process.exit(2);
};
if (unknown.length > 0) usage(`unknown: ${unknown.join(", ")}`);
if (args.includes("--policy") && (policyText === undefined || policyText.startsWith("--"))) usage("--policy needs a JSON value");
const perFile = args.includes("--files");
const params = (() => {
  try {
    return cyberstrideParams(policyText ? JSON.parse(policyText) : {});
  } catch (error) {
    return usage(`--policy ${policyText} is not a valid policy override: ${error instanceof Error ? error.message : String(error)}`);
  }
})();

const dir = nabDir();
if (!existsSync(dir)) {
  console.log(`bench:nab skipped: no NAB data at ${dir} (set NAB_DIR to the folder holding data/, windows.json and profiles.json).`);
  process.exit(0);
}

const started = performance.now();
const files = loadCorpus(dir);
const profiles = loadProfiles(dir);
const published = loadPublishedScores(dir);
const keys = files.map((f) => f.key);
const windows = files.reduce((s, f) => s + f.windows.length, 0);
const rows = files.reduce((s, f) => s + f.times.length, 0);

console.log(`Machine: ${describeMachine()}`);
console.log(
  `NAB subset at ${dir}: ${files.length} files, ${windows} windows, ${rows.toLocaleString("en")} rows; policy ${policyText ? `defaults + ${policyText}` : "defaults"}.`,
);
console.log(
  "Normalised NAB scores over these files (null 0, perfect 100); pages are judged at their own decisions (threshold 1), continuous scores at NAB's corpus-optimised threshold per profile.",
);
console.log(
  "Windows hit and FP rows (detections outside every window, after probation) at each profile's threshold, one figure when the three agree.\n",
);

const baselines = publishedBaselines(published, files, profiles);
/** README's order: null, then the published detectors from weakest to the scoreboard's best; any others after. */
const ORDER = ["null", "bayesChangePt", "windowedGaussian", "numenta", "ARTime"];
const rank = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);
const publishedNames = [...baselines.detectors].sort((a, b) => rank(a) - rank(b));
// The scorer check needs windowedGaussian's per-row outputs; a NAB folder without them is still scored.
const missing = missingBaselines(dir, "windowedGaussian", files);
const reproduction = missing.length === 0 ? reproducePublished(dir, files, profiles, published, "windowedGaussian") : null;
const detectors: Detector[] = [cyberstridePages(params), cyberstrideScore(params)];
const scores = detectors.map((detector) => files.map((file) => runDetector(detector, file)));
const results = detectors.map((detector, i) => ({ detector, result: evaluateDetector(files, scores[i]!, profiles, detector.output) }));

console.log(
  table(DETECTOR_HEADER, [
    ...publishedNames.map((name) => publishedRow(`${name} (published)`, baselines.totals.get(name)!)),
    ...(reproduction
      ? [
          detectorRow("windowedGaussian re-scored from its published outputs", reproduction.result),
          // NAB chose its thresholds on all 58 files; the sweep on this subset alone shows what tuning buys here.
          detectorRow(
            "windowedGaussian, NAB's sweep re-run on this subset",
            evaluateDetector(files, reproduction.scores, profiles, "score"),
          ),
        ]
      : []),
    ...results.map(({ detector, result }) => detectorRow(detector.name, result)),
  ]).join("\n"),
);

// The scorer's checks against NAB's published numbers, stated every run rather than assumed; if
// they fail, every figure above is suspect, so the run fails too.
const nullAgrees = PROFILE_NAMES.every((p) => Math.abs(baselines.nullRaw[p] - scoreRange(files, profiles[p]).nullRaw) < 1e-9);
if (!nullAgrees || (reproduction && (reproduction.countMismatches.length > 0 || reproduction.maxScoreError > 1e-9))) process.exitCode = 1;
const nullCheck = `published null totals ${PROFILE_NAMES.map((p) => baselines.nullRaw[p]).join(" / ")} ${nullAgrees ? "equal" : "DIFFER FROM"} the scorer's.`;
if (reproduction) {
  console.log(
    `\nwindowedGaussian re-scored: ${reproduction.compared - reproduction.countMismatches.length} of ${reproduction.compared} file × profile scores reproduced with identical TP/TN/FP/FN rows, largest |Δ| ${reproduction.maxScoreError.toExponential(1)}; ${nullCheck}`,
  );
  for (const mismatch of reproduction.countMismatches) console.log(`  mismatch: ${mismatch}`);
} else {
  console.log(
    `\nwindowedGaussian's per-row outputs are missing for ${missing.length} file(s) (first: ${missing[0]}): its re-scoring check is skipped; ${nullCheck}`,
  );
}

// When the sweep's best is to detect nothing, say how far the best threshold that detects anything falls short.
results.forEach(({ detector, result }, i) => {
  if (detector.output !== "score" || result.standard.threshold <= 1) return;
  const range = scoreRange(files, profiles.standard);
  const detecting = sweepCorpus(files, scores[i]!, profiles.standard).slice(1);
  if (detecting.length === 0) return;
  const best = detecting.reduce((a, b) => (b.score > a.score ? b : a));
  const top = scores[i]!.reduce((n, s) => n + s.filter((x) => x === 1).length, 0);
  console.log(
    `${detector.name}: on the standard profile no threshold beats detecting nothing; the best that detects anything, ${best.threshold}, scores ${normalise(best.score, range).toFixed(1)} with ${best.fp} FP rows (${top} rows score exactly 1).`,
  );
});

for (const { detector, result } of results) {
  console.log(
    `\n${detector.name}, by category (windows hit and FP rows at the standard threshold; points: each category's part of the normalised score):`,
  );
  console.log(categoryTable(byCategory(files, result, profiles)).join("\n"));
  if (perFile) {
    console.log(`\n${detector.name}, per file (raw scores):`);
    console.log(fileTable(keys, result).join("\n"));
  }
}

console.log(
  "\nCalibration of the filter's one-step predictions: share of filtered points outside the predictive's central 2- and 3-sd intervals, i.e. with a tail probability below 4.55% and 0.27% (calibrated: those shares; outliers in the data add to both).",
);
console.log(
  calibrationTable(
    keys,
    files.map((file) => cyberstrideCalibration(params, file)),
  ).join("\n"),
);
console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
