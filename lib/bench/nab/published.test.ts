import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCorpus, type NabFile } from "@/lib/bench/nab/corpus";
import { scoreWithSweep } from "@/lib/bench/nab/evaluate";
import { nabDir } from "@/lib/bench/nab/nab-dir";
import { scoreRange } from "@/lib/bench/nab/normalise";
import { loadProfiles, PROFILE_NAMES, type Profiles } from "@/lib/bench/nab/profiles";
import { publishedBaselines } from "@/lib/bench/nab/published-baselines";
import { loadPublishedScores, type PublishedFileScore } from "@/lib/bench/nab/published-scores";
import { reproducePublished, type Reproduction } from "@/lib/bench/nab/reproduce-published";

const dir = nabDir();
const absent = !existsSync(dir);
/** Shown in the test names, so a skipped run says why. */
const skipped = absent ? ` (skipped: no NAB data at ${dir}; set NAB_DIR)` : "";

// The real files are read once, lazily, so a machine without them pays nothing.
let loaded: { files: NabFile[]; profiles: Profiles; published: PublishedFileScore[]; reproduction: Reproduction } | undefined;
function data() {
  if (!loaded) {
    const files = loadCorpus(dir);
    const profiles = loadProfiles(dir);
    const published = loadPublishedScores(dir);
    loaded = { files, profiles, published, reproduction: reproducePublished(dir, files, profiles, published, "windowedGaussian") };
  }
  return loaded;
}

describe("against NAB's published results", () => {
  it.skipIf(absent)(`reproduces windowedGaussian's published score on every file under every profile${skipped}`, () => {
    const { files, reproduction } = data();
    expect(reproduction.compared).toBe(3 * files.length);
    // The CSV carries 12 significant digits.
    expect(reproduction.maxScoreError).toBeLessThan(1e-9);
    expect(reproduction.countMismatches).toEqual([]);
    // README: 37.1 / 32.7 / 39.8 normalised over the subset.
    const normalised = PROFILE_NAMES.map((p) => Number(reproduction.result[p].normalised.toFixed(1)));
    expect(normalised).toEqual([37.1, 32.7, 39.8]);
  });

  it.skipIf(absent)(`totals the published baselines to the README's figures, from the same null${skipped}`, () => {
    const { files, profiles, published } = data();
    const baselines = publishedBaselines(published, files, profiles);
    const figures = (name: string) => PROFILE_NAMES.map((p) => Number(baselines.totals.get(name)![p].normalised.toFixed(1)));
    expect(figures("null")).toEqual([0, 0, 0]);
    expect(figures("bayesChangePt")).toEqual([14.6, -7.7, 35.9]);
    expect(figures("windowedGaussian")).toEqual([37.1, 32.7, 39.8]);
    expect(figures("numenta")).toEqual([69.5, 62.9, 74.0]);
    expect(figures("ARTime")).toEqual([73.5, 65.6, 78.6]);
    // The published null detector scores what the scorer's null does: −fnWeight per window.
    for (const p of PROFILE_NAMES) expect(baselines.nullRaw[p]).toBeCloseTo(scoreRange(files, profiles[p]).nullRaw, 9);
  });

  it.skipIf(absent)(`sweeps windowedGaussian's outputs to a threshold no worse than its published one${skipped}`, () => {
    const { files, profiles, reproduction } = data();
    for (const p of PROFILE_NAMES) {
      // NAB chose the published threshold on all 58 files; on this subset the sweep may do better, never worse.
      expect(scoreWithSweep(files, reproduction.scores, profiles[p]).raw).toBeGreaterThanOrEqual(reproduction.result[p].raw - 1e-9);
    }
  });
});
