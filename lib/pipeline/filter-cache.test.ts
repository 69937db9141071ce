import { describe, expect, it } from "vitest";
import { FilterCache } from "@/lib/pipeline/filter-cache";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";

describe("FilterCache", () => {
  it("gives a state back only at the cursor's step count, and only once", () => {
    const cache = new FilterCache(10);
    const state = createFilterState();
    cache.put(1, state, 40);
    expect(cache.take(1, 41)).toBeUndefined();
    // A stale entry is dropped, not kept for later.
    expect(cache.take(1, 40)).toBeUndefined();
    cache.put(1, state, 40);
    expect(cache.take(1, 40)).toBe(state);
    expect(cache.take(1, 40)).toBeUndefined();
  });

  it("drops the least recently used state when full", () => {
    const cache = new FilterCache(2);
    cache.put(1, createFilterState(), 1);
    cache.put(2, createFilterState(), 1);
    // Touching 1 (take and put back) makes 2 the oldest.
    cache.put(1, cache.take(1, 1)!, 2);
    cache.put(3, createFilterState(), 1);
    expect(cache.size).toBe(2);
    expect(cache.take(2, 1)).toBeUndefined();
    expect(cache.take(1, 2)).toBeDefined();
    expect(cache.take(3, 1)).toBeDefined();
  });

  it("refuses a capacity that holds nothing", () => {
    expect(() => new FilterCache(0)).toThrow(RangeError);
  });
});
