import type { FilterState } from "@/lib/vsm/filter/schemas";

/**
 * A process's cache of filter states (docs/design.md §5): only a faster way to reach what the
 * database holds. An entry is used only when it has stepped exactly as many points as the
 * indicator's cursor says — another instance, or a batch that rolled back, makes it stale — and
 * it is taken out while a batch works on it, to be put back only once that batch has committed.
 * Least recently used entries go first when the cache is full.
 */
export class FilterCache {
  private readonly entries = new Map<number, { state: FilterState; steps: number }>();

  constructor(private readonly capacity: number) {
    if (!(Number.isInteger(capacity) && capacity > 0)) throw new RangeError(`a filter cache holds at least one state, got ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The state of `indicatorId` if it has stepped `steps` points, removed from the cache; else undefined (and any stale entry dropped). */
  take(indicatorId: number, steps: number): FilterState | undefined {
    const entry = this.entries.get(indicatorId);
    this.entries.delete(indicatorId);
    return entry && entry.steps === steps ? entry.state : undefined;
  }

  /** Keeps a committed state, as the most recently used. */
  put(indicatorId: number, state: FilterState, steps: number): void {
    this.entries.delete(indicatorId);
    this.entries.set(indicatorId, { state, steps });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  clear(): void {
    this.entries.clear();
  }
}
