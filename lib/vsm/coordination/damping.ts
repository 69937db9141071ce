/**
 * The damping S2 recommends for an oscillation: exponential smoothing of the control action (the
 * allocation, setpoint or rate the units react to), updated once per sample,
 *   u'_t = α·u_t + (1 − α)·u'_{t−1}.
 * At angular frequency ω = 2π/P (P samples per cycle) it passes a share of the amplitude
 *   |H(ω)| = α / √(1 − 2(1−α)·cos ω + (1−α)²).
 * Solving |H| = g for β = 1 − α gives β² − 2kβ + 1 = 0 with k = (1 − g²·cos ω)/(1 − g²), whose
 * root in (0, 1] is β = k − √(k² − 1).
 */
export type Damping = {
  /** Smoothing constant α for the exponential smoothing above. */
  alpha: number;
  /** Share of the amplitude that remains: the target gain. */
  gain: number;
  /** The amplitude expected after damping. */
  residualAmplitude: number;
};

function checkPeriod(periodSamples: number) {
  if (!(periodSamples >= 2)) throw new RangeError(`a sampled oscillation has a period of at least 2 samples, got ${periodSamples}`);
}

/** |H(ω)| of exponential smoothing with `alpha` for a cycle of `periodSamples` samples. */
export function smoothingGain(alpha: number, periodSamples: number): number {
  checkPeriod(periodSamples);
  const beta = 1 - alpha;
  const c = Math.cos((2 * Math.PI) / periodSamples);
  return alpha / Math.sqrt(1 - 2 * beta * c + beta * beta);
}

/** α that leaves `gain` of an oscillation's amplitude. */
export function smoothingForGain(periodSamples: number, gain: number): number {
  checkPeriod(periodSamples);
  if (!(gain > 0 && gain < 1)) throw new RangeError(`a damping gain lies in (0, 1), got ${gain}`);
  const c = Math.cos((2 * Math.PI) / periodSamples);
  const k = (1 - gain * gain * c) / (1 - gain * gain);
  return 1 - (k - Math.sqrt(k * k - 1));
}

export function recommendDamping(amplitude: number, periodSamples: number, gain: number): Damping {
  return { alpha: smoothingForGain(periodSamples, gain), gain, residualAmplitude: gain * amplitude };
}
