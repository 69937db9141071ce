/**
 * The width of an indicator's roll-up value bins (lib/vsm/temporal/binning.ts), fixed from its
 * first batch so every later bucket's bins line up with it. Bins should be about as fine as a
 * difference that matters: a tenth of the spread the first values show, rounded down to a power of
 * ten so the edges are round numbers — and never below 1 for whole numbers (counts), whose
 * finer bins would only ever be empty. A first batch of one value (an OTLP export carries one
 * point per metric) has no spread: then a tenth of its order of magnitude (250 ms → 10 ms bins).
 */
export function chooseBinWidth(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return 1;
  const sorted = [...new Set(finite)].sort((a, b) => a - b);
  const spread = sorted[sorted.length - 1]! - sorted[0]!;
  const magnitude = Math.max(...sorted.map(Math.abs));
  const basis = spread > 0 ? spread / 10 : magnitude / 10;
  if (!(basis > 0) || !Number.isFinite(basis)) return 1;
  const rounded = 10 ** Math.floor(Math.log10(basis));
  const width = sorted.every(Number.isInteger) ? Math.max(rounded, 1) : rounded;
  // Subnormal or overflowing widths would make every value one bin or none: keep to sane numbers.
  return Number.isFinite(width) && width >= Number.MIN_VALUE * 1e10 ? width : 1;
}
