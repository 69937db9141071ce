import type { FilterState } from "@/lib/vsm/filter/schemas";

/** A filter state in memory, with what the pipeline needs to know of its last checkpoint. */
export interface CachedFilter {
  state: FilterState;
  /** Steps and write time (epoch ms) of the indicator's stored checkpoint, to tell when the next is due. */
  checkpointSteps: number;
  checkpointWrittenAt: number;
}

/**
 * A process's cache of filter states (docs/design.md §5): only a faster way to reach what the
 * database holds. An entry is used only when it has stepped exactly as many points as the
 * indicator's cursor says — another instance, or a batch that rolled back, makes it stale — and
 * it is taken out while a batch works on it, to be put back only once that batch has committed.
 * Least recently used entries go first when the cache is full.
 */
export class FilterCache {
  private readonly entries = new Map<number, { filter: CachedFilter; steps: number }>();

  constructor(private readonly capacity: number) {
    if (!(Number.isInteger(capacity) && capacity > 0)) throw new RangeError(`a filter cache holds at least one state, got ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Whether a committed filter of `indicatorId` is here: then its cursor row exists (a batch created it), whatever its steps. */
  has(indicatorId: number): boolean {
    return this.entries.has(indicatorId);
  }

  /** The filter of `indicatorId` if it has stepped `steps` points, removed from the cache; else undefined (and any stale entry dropped). */
  take(indicatorId: number, steps: number): CachedFilter | undefined {
    const entry = this.entries.get(indicatorId);
    this.entries.delete(indicatorId);
    return entry && entry.steps === steps ? entry.filter : undefined;
  }

  /** Keeps a committed filter that has stepped `steps` points, as the most recently used. */
  put(indicatorId: number, steps: number, filter: CachedFilter): void {
    this.entries.delete(indicatorId);
    this.entries.set(indicatorId, { filter, steps });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }
}
