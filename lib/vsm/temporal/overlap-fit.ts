import { fitLine, type LinearFit } from "@/lib/vsm/temporal/least-squares";

/**
 * A least-squares line through points that each summarise a trailing window of length `span` in x
 * — the variety mismatch over a 7-day horizon, one point a day. Neighbours share most of their
 * data, so their errors are correlated and the ordinary standard error, which assumes independent
 * errors, is several times too small: on stationary noise a 95 % interval would miss 0 in far more
 * than 5 % of series. The slope is the ordinary one; its standard error and df take the correlation
 * of two points to be the share of the window they have in common, ρ = max(0, 1 − |Δx| / span), as
 * for moving sums of independent contributions (a statistic that depends on its data less than
 * linearly, like an entropy, is correlated less, which only makes the interval conservative):
 *   Var(slope) = σ²·cᵀRc, c = (x − x̄)/Sxx;
 *   σ² = rᵀr / tr(MR), since E[rᵀr] = σ²·tr(MR) for residuals r = My, M = I − H;
 *   df = tr(MR)² / tr(MRMR) (Satterthwaite: rᵀr/σ² is then about χ² with df degrees of freedom).
 * With span no longer than the spacing of the points R = I, and this is the ordinary fit. The sums
 * are O(n²) in the points, which are days in a window: tens to hundreds.
 */
export function fitOverlappingLine(points: readonly { x: number; y: number }[], span: number): LinearFit | null {
  if (!(span > 0 && Number.isFinite(span))) throw new RangeError(`a window span must be positive, got ${span}`);
  const fit = fitLine(points.map(({ x, y }) => ({ x, y })));
  if (fit === null) return null;
  const n = points.length;
  const x = points.map((p) => p.x);
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const d = x.map((v) => v - mx);
  const sxx = d.reduce((s, v) => s + v * v, 0);
  // H = U·Uᵀ with U = [1/√n, d/√Sxx]; every trace below reduces to R·u₁, R·u₂ and Σρ².
  const u1 = 1 / Math.sqrt(n);
  const u2 = d.map((v) => v / Math.sqrt(sxx));
  const ru1: number[] = [];
  const ru2: number[] = [];
  let trRR = 0;
  for (let i = 0; i < n; i += 1) {
    let sum1 = 0;
    let sum2 = 0;
    for (let j = 0; j < n; j += 1) {
      const rho = Math.max(0, 1 - Math.abs(x[i]! - x[j]!) / span);
      sum1 += rho * u1;
      sum2 += rho * u2[j]!;
      trRR += rho * rho;
    }
    ru1.push(sum1);
    ru2.push(sum2);
  }
  const dot = (a: readonly number[], b: (i: number) => number) => a.reduce((s, v, i) => s + v * b(i), 0);
  const a11 = dot(ru1, () => u1);
  const a12 = dot(ru2, () => u1);
  const a22 = dot(ru2, (i) => u2[i]!);
  const trMR = n - a11 - a22;
  const trHRR = dot(ru1, (i) => ru1[i]!) + dot(ru2, (i) => ru2[i]!);
  const trMRMR = trRR - 2 * trHRR + a11 * a11 + 2 * a12 * a12 + a22 * a22;
  // No residual variation left to measure the noise by: the windows overlap too much to tell.
  if (!(trMR > 1e-9 * n && trMRMR > 0)) return { ...fit, standardError: null, df: 0 };
  const rss = points.reduce((s, p, i) => s + (p.y - my - fit.slope * d[i]!) ** 2, 0);
  return { ...fit, standardError: Math.sqrt(((rss / trMR) * a22) / sxx), df: (trMR * trMR) / trMRMR };
}
