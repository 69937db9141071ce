/**
 * A streaming detector under NAB's rules. `pages` detectors answer 0 or 1 (would it page on this
 * row?) and are judged at their own decisions, threshold 1, with no sweep: that is the figure for a
 * product that pages people. `score` detectors answer a continuous anomaly score in [0, 1] and are
 * judged, like NAB's published detectors, at the threshold NAB's sweep finds best for the corpus.
 */
export interface Detector {
  name: string;
  output: "pages" | "score";
  /**
   * A fresh detector for one file. The returned step is shown the rows one at a time, in order
   * (time in epoch ms, value), and must score each before it sees the next, so a detector cannot
   * use the future even by accident.
   */
  start(): (time: number, value: number) => number;
}

/** Runs a detector over one file's rows and checks each answer is one NAB can score. */
export function runDetector(detector: Detector, rows: { times: ArrayLike<number>; values: ArrayLike<number> }): Float64Array {
  const step = detector.start();
  const scores = new Float64Array(rows.values.length);
  for (let i = 0; i < scores.length; i++) {
    const score = step(rows.times[i]!, rows.values[i]!);
    const valid = detector.output === "pages" ? score === 0 || score === 1 : score >= 0 && score <= 1;
    if (!valid)
      throw new RangeError(
        `${detector.name}: row ${i} scored ${score}; ${detector.output === "pages" ? "pages are 0 or 1" : "scores lie in [0, 1]"}`,
      );
    scores[i] = score;
  }
  return scores;
}
