/** An anomaly window as row indices of its file, both ends included. */
export interface WindowRows {
  start: number;
  end: number;
}

/**
 * Turns windows given as [start, end] times into row indices, as NAB's sweeper does: each end is
 * the first row carrying exactly that time (Python's list.index). The edges must be rows of the
 * file, and the windows must be in time order and disjoint, because NAB walks them front to back
 * as it walks the rows; anything else would be scored differently from NAB, so it is an error.
 */
export function windowRows(times: ArrayLike<number>, limits: readonly (readonly [number, number])[], source: string): WindowRows[] {
  const firstRow = new Map<number, number>();
  for (let i = times.length - 1; i >= 0; i--) firstRow.set(times[i]!, i);
  const rowOf = (time: number) => {
    const row = firstRow.get(time);
    if (row === undefined) throw new Error(`${source}: window edge ${new Date(time).toISOString()} is not a row of the file`);
    return row;
  };
  const windows = limits.map(([start, end]) => ({ start: rowOf(start), end: rowOf(end) }));
  windows.forEach((w, k) => {
    if (w.end < w.start) throw new Error(`${source}: window ${k + 1} ends before it starts`);
    const previous = windows[k - 1];
    if (previous && w.start <= previous.end) throw new Error(`${source}: window ${k + 1} overlaps or precedes window ${k}`);
  });
  return windows;
}
