import { describe, expect, it } from "vitest";
import { summariseOverview, type OverviewSystem } from "@/lib/view/overview";

const NONE = { s2: false, s3: false, s3star: false, s4: false, s5: false };
const system = (id: number, parentId: number | null, level: number, indicatorCount: number): OverviewSystem => ({
  id,
  parentId,
  path: `p${id}`,
  level,
  name: `S${id}`,
  purpose: "",
  owner: null,
  functions: NONE,
  indicatorCount,
  openSignals: { pain: id % 2, pleasure: id === 4 ? 3 : 0 },
});

describe("summariseOverview", () => {
  it("counts systems, distinct levels and indicators, and nests units under their parents", () => {
    const overview = summariseOverview([system(1, null, 0, 2), system(2, 1, 1, 3), system(3, 1, 1, 0), system(4, null, 0, 1)]);
    expect([overview.systemCount, overview.levelCount, overview.indicatorCount]).toEqual([4, 2, 6]);
    expect(overview.openSignals).toEqual({ pain: 2, pleasure: 3 });
    expect(overview.roots.map((r) => [r.id, r.units.map((u) => u.id)])).toEqual([
      [1, [2, 3]],
      [4, []],
    ]);
  });

  it("is all zeros for an empty database", () => {
    expect(summariseOverview([])).toEqual({
      systemCount: 0,
      levelCount: 0,
      indicatorCount: 0,
      openSignals: { pain: 0, pleasure: 0 },
      roots: [],
    });
  });
});
