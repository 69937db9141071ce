import { DAY } from "@/lib/vsm/types";

/**
 * The seasonal baseline the filter is measured against on cyclic series (what a "compare with the
 * same time on previous days" alert does): the expected value at a time of day is the mean of the
 * values at that slot on up to the last DAYS days, and a point alarms when it lies more than k
 * standard deviations of the recent residuals from it. It speaks from the second day on.
 */
const DAYS = 7;
/** Weight of the newest squared residual in the residuals' variance. */
const RESIDUAL_RATE = 0.02;

export interface SeasonalBaseline {
  /** 0 within bounds (or before it can speak), else +1 or −1 for the side it broke out on. */
  update(time: number, value: number): number;
}

export function createSeasonalBaseline(slot: number, k = 3): SeasonalBaseline {
  const history = new Map<number, number[]>();
  let variance = 0;
  let residuals = 0;
  return {
    update(time, value) {
      const key = Math.floor((time % DAY) / slot);
      const past = history.get(key) ?? [];
      let flagged = 0;
      if (past.length > 0) {
        const expected = past.reduce((sum, v) => sum + v, 0) / past.length;
        const residual = value - expected;
        if (residuals >= 30 && Math.abs(residual) > k * Math.sqrt(variance)) flagged = Math.sign(residual);
        variance = residuals === 0 ? residual * residual : variance + RESIDUAL_RATE * (residual * residual - variance);
        residuals += 1;
      }
      past.push(value);
      if (past.length > DAYS) past.shift();
      history.set(key, past);
      return flagged;
    },
  };
}
