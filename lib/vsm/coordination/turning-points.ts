/**
 * Indices where a series turns: where the sign of its deltas changes from up to down or back.
 * `hysteresis` h ≥ 0 makes it a zig-zag: a turn counts only once the series has retraced more than
 * h from its last extreme, so noise smaller than h does not add turns. With h = 0 every sign
 * change of the (non-zero) deltas counts; flat runs are skipped and the turn is placed at the end
 * of a flat top or bottom.
 */
export function turningPoints(values: readonly number[], hysteresis = 0): number[] {
  if (!(hysteresis >= 0)) throw new RangeError(`hysteresis must be ≥ 0, got ${hysteresis}`);
  const turns: number[] = [];
  let direction = 0;
  let high = 0;
  let low = 0;
  let extreme = 0;
  for (let i = 1; i < values.length; i++) {
    const v = values[i]!;
    if (direction === 0) {
      // Until the first move larger than h, the series has no direction to turn from.
      if (v >= values[high]!) high = i;
      if (v <= values[low]!) low = i;
      if (values[high]! - values[low]! > hysteresis) {
        direction = high > low ? 1 : -1;
        extreme = direction === 1 ? high : low;
      }
    } else if (direction * (v - values[extreme]!) >= 0) {
      extreme = i;
    } else if (Math.abs(values[extreme]! - v) > hysteresis) {
      turns.push(extreme);
      direction = -direction;
      extreme = i;
    }
  }
  return turns;
}
