import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { allowanceAt, DEFAULT_POLICY, DEFAULT_REGIMES, policyAt, policyIssues, regimesFor, resolvePolicy } from "@/lib/vsm/policy";
import { HOUR, MINUTE } from "@/lib/vsm/types";

describe("S5 policy", () => {
  it('defaults to the documented values (docs/domain.md, "Settings")', () => {
    expect(DEFAULT_POLICY.filter.regimes).toEqual(DEFAULT_REGIMES);
    // Changed from the first design's table by measurement: steady prior 0.90 → 0.92, step prior 0.03 → 0.01, slope rδ 1 → 0.01.
    expect(DEFAULT_POLICY.filter.regimes.steady).toEqual({ re: 1, rg: 0.01, rd: 0.0001, prior: 0.92 });
    expect(DEFAULT_POLICY.filter.regimes.step).toEqual({ re: 1, rg: 25, rd: 0.0001, prior: 0.01 });
    expect(DEFAULT_POLICY.filter.regimes.slope).toEqual({ re: 1, rg: 0.01, rd: 0.01, prior: 0.03 });
    expect(DEFAULT_POLICY.filter).toMatchObject({ warmup: 20, varianceLearningRate: 0.02 });
    expect(DEFAULT_POLICY.filter.regimes.transient).toEqual({ re: 50, rg: 0.01, rd: 0.0001, prior: 0.04 });
    expect(DEFAULT_POLICY.filter).toMatchObject({
      scaleLearningRate: 0.005,
      referenceLearningRate: 0.02,
      surprise: 3,
      sustain: 2,
      pair: 4.5,
      spike: 15,
    });
    expect(DEFAULT_POLICY.filter).toMatchObject({
      shiftAllowance: 0.75,
      shiftThreshold: 8,
      quiet: 6 * HOUR,
      seasonality: "auto",
      autocorrelation: "auto",
    });
    expect(DEFAULT_POLICY.variety.tolerance).toBe(0.5);
    expect(DEFAULT_POLICY.control).toEqual({ over: 1.3, under: 0.7 });
    expect(DEFAULT_POLICY.homeostat).toEqual({ target: 0.5, tolerance: 0.2 });
  });

  it("inherits down the tree: each override merges into its parent's effective policy", () => {
    const root = { escalation: { allowances: [8 * HOUR, 4 * HOUR] }, variety: { tolerance: 1 } };
    const child = { variety: { tolerance: 0.25 }, filter: { warmup: 50 } };
    const policy = resolvePolicy([root, child]);
    expect(policy.variety.tolerance).toBe(0.25);
    expect(policy.filter.warmup).toBe(50);
    expect(policy.filter.surprise).toBe(3);
    expect(policy.escalation.allowances).toEqual([8 * HOUR, 4 * HOUR]);
    expect(policy.escalation.remedyPeriods).toBe(3);
  });

  it("rejects invalid settings with their path", () => {
    expect(() => resolvePolicy([{ bands: { alert: 0.95, crisis: 0.9 } }])).toThrow(ZodError);
    try {
      resolvePolicy([{ filter: { regimes: { steady: { re: 1, rg: 0.01, rd: 0.0001, prior: 0.5 } } } }]);
      expect.unreachable();
    } catch (error) {
      expect((error as ZodError).issues[0]?.message).toBe("regime priors must sum to 1");
      expect((error as ZodError).issues[0]?.path).toEqual(["filter", "regimes"]);
    }
    expect(() => resolvePolicy([{ control: { over: 0.9 } }])).toThrow(/under must be below 1 and over above 1/);
    expect(() => resolvePolicy([{ filter: { unknown: 1 } }])).toThrow(ZodError);
    expect(() => resolvePolicy([{ filter: { seasonality: "weekly" } }])).toThrow(ZodError);
    expect(() => resolvePolicy([{ filter: { quiet: -1 } }])).toThrow(ZodError);
  });

  it("gives each level its allowance, deeper levels the last one", () => {
    expect(allowanceAt(DEFAULT_POLICY, 0)).toBe(4 * HOUR);
    expect(allowanceAt(DEFAULT_POLICY, 3)).toBe(30 * MINUTE);
    expect(allowanceAt(DEFAULT_POLICY, 7)).toBe(30 * MINUTE);
    expect(allowanceAt(DEFAULT_POLICY, -1)).toBe(4 * HOUR);
  });

  it("uses a family's regimes where policy has them", () => {
    const latency = { ...DEFAULT_REGIMES, transient: { re: 100, rg: 0.01, rd: 0.0001, prior: 0.04 } };
    const policy = resolvePolicy([{ filter: { families: { latency } } }]);
    expect(regimesFor(policy, "latency").transient.re).toBe(100);
    expect(regimesFor(policy, "throughput")).toEqual(DEFAULT_REGIMES);
    expect(regimesFor(policy, null)).toEqual(DEFAULT_REGIMES);
  });
});

describe("policyIssues and policyAt", () => {
  it("name each bad setting of a chain of overrides by its path, and nothing for a good chain", () => {
    expect(policyIssues([{ escalation: { allowances: [HOUR] } }, { escalation: { remedyPeriods: 2 } }])).toEqual([]);
    expect(policyIssues([{ escalation: { allowances: [] } }, { bands: { alert: 0.95 } }])).toEqual([
      { path: ["bands"], message: "alert threshold must not exceed crisis threshold" },
      { path: ["escalation", "allowances"], message: expect.stringMatching(/>=1 items/) },
    ]);
  });

  it("give one policy for every level, or each level's own", () => {
    const quick = resolvePolicy([{ escalation: { remedyPeriods: 1 } }]);
    expect(policyAt(quick, 3)).toBe(quick);
    expect(policyAt((level) => (level === 0 ? DEFAULT_POLICY : quick), 0)).toBe(DEFAULT_POLICY);
  });
});
