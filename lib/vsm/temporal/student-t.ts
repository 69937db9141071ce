/**
 * Student's t distribution, for confidence intervals of fitted slopes: with the noise variance
 * estimated from a handful of residuals, a normal quantile would make intervals too narrow and
 * claim trends that are not there. The CDF is exact to rounding (regularised incomplete beta by its
 * continued fraction); the quantile inverts it by bisection, which is slow next to a closed form but
 * is called a few times per view and works for any real df > 0 (Welch–Satterthwaite df are not
 * whole numbers).
 */

// Lanczos approximation (g = 7, n = 9), relative error below 1e-15 for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

function logGamma(x: number): number {
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i += 1) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const TINY = 1e-300;
const EPSILON = 1e-15;

/** Continued fraction of the incomplete beta (modified Lentz); converges fast for x < (a+1)/(a+b+2). */
function betaFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < TINY ? TINY : d);
  let h = d;
  for (let m = 1; m <= 1000; m += 1) {
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    const odd = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    for (const k of [even, odd]) {
      d = 1 + k * d;
      d = 1 / (Math.abs(d) < TINY ? TINY : d);
      c = 1 + k / c;
      if (Math.abs(c) < TINY) c = TINY;
      h *= c * d;
    }
    if (Math.abs(c * d - 1) < EPSILON) break;
  }
  return h;
}

/**
 * I_x(a, b) given both x and 1 − x, so a caller that knows 1 − x exactly (t²/(df + t²) below)
 * does not lose it to rounding near x = 1.
 */
function incompleteBeta(x: number, complement: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (complement <= 0) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(complement));
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(x, a, b)) / a;
  return 1 - (front * betaFraction(complement, b, a)) / b;
}

function checkDf(df: number): number {
  if (!(df > 0 && Number.isFinite(df))) throw new RangeError(`degrees of freedom must be finite and > 0, got ${df}`);
  return df;
}

/** P(T ≤ t) for T ~ Student t with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(t)) throw new RangeError("t must be a number");
  const t2 = t * t;
  // P(|T| > |t|) = I_{df/(df+t²)}(df/2, 1/2).
  const twoTails = incompleteBeta(df / (df + t2), t2 / (df + t2), df / 2, 0.5);
  return t > 0 ? 1 - twoTails / 2 : twoTails / 2;
}

/** The t with P(T ≤ t) = p, e.g. 2.228 for p = 0.975 and df = 10. */
export function studentTQuantile(p: number, df: number): number {
  checkDf(df);
  if (!(p > 0 && p < 1)) throw new RangeError(`a probability strictly between 0 and 1 is needed, got ${p}`);
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  if (p === 0.5) return 0;
  let low = 0;
  let high = 1;
  while (studentTCdf(high, df) < p) {
    low = high;
    high *= 2;
  }
  // Bisection to a relative 1e-13, well inside what the slope intervals need; 200 halvings always get there.
  for (let i = 0; i < 200 && high - low > 1e-13 * high; i += 1) {
    const middle = (low + high) / 2;
    if (studentTCdf(middle, df) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}
