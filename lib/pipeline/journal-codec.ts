/** A newly stored point, as the roll-ups take it. */
export interface JournalPoint {
  indicatorId: number;
  time: number;
  value: number;
}

/** A batch's new points and the bin width of each of their indicators: what its roll-up journal row holds. */
export interface JournalEntry {
  points: JournalPoint[];
  binWidths: Map<number, number>;
}

/*
 * Layout, little-endian float64 throughout (ids and counts are integers well inside 2^53):
 * [version, point count, width count, (id, time, value) per point, (id, width) per indicator].
 * Binary rather than JSON: a batch of 1,000 points packs in 24 KB with no parsing on either side.
 */
const VERSION = 1;
const HEADER = 3;

export function encodeJournal(entry: JournalEntry): Uint8Array {
  const { points, binWidths } = entry;
  const bytes = new Uint8Array((HEADER + points.length * 3 + binWidths.size * 2) * 8);
  const view = new DataView(bytes.buffer);
  let at = 0;
  const put = (n: number) => {
    view.setFloat64(at, n, true);
    at += 8;
  };
  put(VERSION);
  put(points.length);
  put(binWidths.size);
  for (const p of points) {
    put(p.indicatorId);
    put(p.time);
    put(p.value);
  }
  for (const [id, width] of binWidths) {
    put(id);
    put(width);
  }
  return bytes;
}

export function decodeJournal(bytes: Uint8Array): JournalEntry {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < HEADER * 8 || bytes.byteLength % 8 !== 0)
    throw new Error(`a roll-up journal entry of ${bytes.byteLength} bytes is malformed`);
  let at = 0;
  const take = () => {
    const n = view.getFloat64(at, true);
    at += 8;
    return n;
  };
  const version = take();
  if (version !== VERSION) throw new Error(`roll-up journal entry of version ${version}; this build reads version ${VERSION}`);
  const pointCount = take();
  const widthCount = take();
  if (bytes.byteLength !== (HEADER + pointCount * 3 + widthCount * 2) * 8) {
    throw new Error(`a roll-up journal entry of ${bytes.byteLength} bytes does not hold ${pointCount} points and ${widthCount} widths`);
  }
  const points: JournalPoint[] = new Array<JournalPoint>(pointCount);
  for (let i = 0; i < pointCount; i += 1) points[i] = { indicatorId: take(), time: take(), value: take() };
  const binWidths = new Map<number, number>();
  for (let i = 0; i < widthCount; i += 1) binWidths.set(take(), take());
  return { points, binWidths };
}
