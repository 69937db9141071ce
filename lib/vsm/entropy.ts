/**
 * Variety in bits (docs/design.md §3.4): the one unit every variety figure in the console is given in,
 * so a disturbance stream, a set of responses and a roll-up bucket can be compared directly.
 * It sits outside variety/ and temporal/ because both measure in bits and neither imports the other.
 */

/** Occurrences per class (a signal kind × unit, a response, a value bin), keyed by class. */
export type ClassCounts = Readonly<Record<string, number>>;

/** Variety of a set of distinct observed states: log₂(count) bits; no states carry no variety. */
export function log2Count(count: number): number {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`a count of states must be a whole number ≥ 0, got ${count}`);
  return count === 0 ? 0 : Math.log2(count);
}

/**
 * Shannon entropy H = −Σ p log₂ p of the distribution given by `counts`. Zero counts are ignored
 * (lim p→0 of p log p is 0) and an empty or all-zero distribution has no variety.
 */
export function shannonEntropy(counts: readonly number[]): number {
  let total = 0;
  let classes = 0;
  for (const c of counts) {
    if (!Number.isFinite(c) || c < 0) throw new RangeError(`counts must be finite and ≥ 0, got ${c}`);
    total += c;
    if (c > 0) classes += 1;
  }
  if (classes <= 1) return 0;
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / total) * Math.log2(c / total);
  // Rounding can push a uniform distribution a hair above its bound; the bound is the exact answer.
  return Math.min(h, Math.log2(classes));
}

/** Entropy of a distribution keyed by class. */
export function entropyOf(counts: ClassCounts): number {
  return shannonEntropy(Object.values(counts));
}

/** Counts of each class among `items`. */
export function countClasses<T>(items: Iterable<T>, classOf: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const key = classOf(item);
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** Sum of two distributions (e.g. merging the value bins of two roll-up buckets). */
export function addCounts(a: ClassCounts, b: ClassCounts): Record<string, number> {
  return addCountsInto({ ...a }, b);
}

/**
 * addCounts in place: `target` becomes the sum. Merging a few new counts into a large
 * distribution (a day's value bins) then costs only the few, not a copy of the large one.
 */
export function addCountsInto(target: Record<string, number>, b: ClassCounts): Record<string, number> {
  for (const [key, c] of Object.entries(b)) target[key] = (target[key] ?? 0) + c;
  return target;
}
