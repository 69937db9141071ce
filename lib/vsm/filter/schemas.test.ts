import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createFilterState } from "@/lib/vsm/filter/create-filter-state";
import { parseFilterState } from "@/lib/vsm/filter/schemas";

describe("parseFilterState", () => {
  it("accepts a fresh state and rejects a damaged one", () => {
    expect(parseFilterState(createFilterState())).toEqual(createFilterState());
    expect(() => parseFilterState({ ...createFilterState(), weights: [1, 0, 0] })).toThrow(ZodError);
    expect(() => parseFilterState({ ...createFilterState(), variance: null })).toThrow(ZodError);
    expect(() => parseFilterState({ ...createFilterState(), version: 2 })).toThrow(ZodError);
    expect(() => parseFilterState({ ...createFilterState(), extra: true })).toThrow(ZodError);
  });

  it("starts the sustained-shift detector afresh for a state stored before it existed", () => {
    const { shift, ...older } = createFilterState();
    expect(parseFilterState(older).shift).toEqual(shift);
  });

  it("reads a state stored before provisionals kept their sign, with no sign pending", () => {
    const state = createFilterState();
    const { pendingSign, ...signals } = state.signals;
    expect(pendingSign).toBe(0);
    expect(parseFilterState({ ...state, signals }).signals).toEqual(state.signals);
  });
});
