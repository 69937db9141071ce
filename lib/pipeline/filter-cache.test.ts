import { describe, expect, it } from "vitest";
import { FilterCache, type CachedFilter } from "@/lib/pipeline/filter-cache";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";

const filter = (): CachedFilter => ({ state: createFilterState(), checkpointSteps: 0, checkpointWrittenAt: 0 });

describe("FilterCache", () => {
  it("gives a filter back only at the cursor's step count, and only once", () => {
    const cache = new FilterCache(10);
    const entry = filter();
    cache.put(1, 40, entry);
    expect(cache.take(1, 41)).toBeUndefined();
    // A stale entry is dropped, not kept for later.
    expect(cache.take(1, 40)).toBeUndefined();
    cache.put(1, 40, entry);
    expect(cache.take(1, 40)).toBe(entry);
    expect(cache.take(1, 40)).toBeUndefined();
  });

  it("knows which indicators it holds a committed filter for, whatever their step counts", () => {
    const cache = new FilterCache(10);
    cache.put(1, 40, filter());
    expect(cache.has(1)).toBe(true);
    expect(cache.has(2)).toBe(false);
    cache.take(1, 40);
    expect(cache.has(1)).toBe(false);
  });

  it("drops the least recently used filter when full", () => {
    const cache = new FilterCache(2);
    cache.put(1, 1, filter());
    cache.put(2, 1, filter());
    // Touching 1 (take and put back) makes 2 the oldest.
    cache.put(1, 2, cache.take(1, 1)!);
    cache.put(3, 1, filter());
    expect(cache.size).toBe(2);
    expect(cache.take(2, 1)).toBeUndefined();
    expect(cache.take(1, 2)).toBeDefined();
    expect(cache.take(3, 1)).toBeDefined();
  });

  it("refuses a capacity that holds nothing", () => {
    expect(() => new FilterCache(0)).toThrow(RangeError);
  });

  it("forgets everything on clear", () => {
    const cache = new FilterCache(3);
    cache.put(1, 1, filter());
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.take(1, 1)).toBeUndefined();
  });
});
