import { describe, expect, it } from "vitest";
import { auditDrift, measureDrift } from "@/lib/vsm/audit/audit-drift";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";
import { MINUTE } from "@/lib/vsm/types";

const t0 = Date.UTC(2025, 8, 1);
const window = { from: t0, to: t0 + 60 * MINUTE };
const tolerance = DEFAULT_POLICY.audit.tolerance; // 0.1
const series = (values: number[], offset = 0) => values.map((value, k) => ({ at: t0 + k * 10 * MINUTE + offset, value }));
const audited = series([100, 98, 102, 100]); // mean 100
const base = { unit: "acme/ops/payments", indicator: "throughput", audited, window, tolerance };

describe("auditDrift", () => {
  it("stays quiet within the tolerance, including exactly on it", () => {
    expect(tolerance).toBe(0.1);
    expect(auditDrift({ ...base, reported: series([110, 108, 112, 110]) })).toBeNull(); // +10 %
    expect(auditDrift({ ...base, reported: series([95, 105, 97, 103]) })).toBeNull();
  });

  it("raises a finding with magnitude, direction and sample count beyond it", () => {
    const finding = auditDrift({ ...base, reported: series([111, 109, 113, 111], 30_000) }); // +11 %, 30 s off
    expect(finding).toMatchObject({
      kind: "audit-drift",
      unit: "acme/ops/payments",
      indicator: "throughput",
      direction: "over-reported",
      samples: 4,
      reportedMean: 111,
      auditedMean: 100,
      absolute: 11,
      tolerance: 0.1,
      window,
    });
    expect(finding!.magnitude).toBeCloseTo(0.11, 12);
    const under = auditDrift({ ...base, reported: series([85, 85, 85, 85]) });
    expect(under).toMatchObject({ direction: "under-reported", absolute: -15 });
    expect(under!.magnitude).toBeCloseTo(0.15, 12);
  });

  it("compares only samples in the window and within the gap", () => {
    const reported = series([150, 150, 150, 150, 150, 150, 150]).map((p, k) => (k < 2 ? { ...p, value: 100 } : p));
    const narrow = auditDrift({ ...base, reported, window: { from: t0, to: t0 + 20 * MINUTE } });
    expect(narrow).toBeNull();
    // Reports 6 minutes after each audit: the audit at t0 is 6 minutes from any report, the others 4.
    const late = series([150, 150, 150, 150], 6 * MINUTE);
    expect(auditDrift({ ...base, reported: late })!.samples).toBe(3); // default gap: 5 minutes
    expect(auditDrift({ ...base, reported: late, maxGap: 6 * MINUTE })!.samples).toBe(4);
    expect(auditDrift({ ...base, reported: late, maxGap: 3 * MINUTE })).toBeNull();
  });

  it("treats any report against a zero audit as unbounded drift", () => {
    const zero = series([0, 0]);
    expect(auditDrift({ ...base, audited: zero, reported: series([5, 5]) })).toMatchObject({
      relative: null,
      magnitude: null,
      direction: "over-reported",
    });
    expect(auditDrift({ ...base, audited: zero, reported: series([0, 0]) })).toBeNull();
  });

  it("measures drift against a negative audit mean by its size", () => {
    expect(measureDrift([{ at: 0, reported: -90, audited: -100, gap: 0 }])).toEqual({
      samples: 1,
      reportedMean: -90,
      auditedMean: -100,
      absolute: 10,
      relative: 0.1,
    });
    expect(measureDrift([])).toBeNull();
  });

  it("rejects a negative tolerance and an empty window", () => {
    expect(() => auditDrift({ ...base, reported: audited, tolerance: -0.1 })).toThrow(RangeError);
    expect(() => auditDrift({ ...base, reported: audited, window: { from: t0, to: t0 } })).toThrow(RangeError);
  });
});
