import type { Point } from "@/lib/vsm/temporal/bucket";
import { fitLine } from "@/lib/vsm/temporal/least-squares";

/**
 * Residuals of the values around their least-squares line in time, so a unit that is growing or
 * shrinking steadily is not mistaken for one that swings. Without a line (fewer than two distinct
 * times) the residuals are taken around the mean.
 */
export function detrend(points: readonly Point[]): number[] {
  const fit = fitLine(points.map((p) => ({ x: p.at, y: p.value })));
  if (fit) return points.map((p) => p.value - (fit.intercept + fit.slope * p.at));
  const mean = points.reduce((s, p) => s + p.value, 0) / points.length;
  return points.map((p) => p.value - mean);
}
