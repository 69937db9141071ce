import { describe, expect, it } from "vitest";
import { makeSystem } from "@/lib/vsm/model/make-system";
import type { Indicator, ViableSystem } from "@/lib/vsm/model/system";
import { validateSystems } from "@/lib/vsm/model/validate-systems";

const indicator = (key: string): Indicator => ({ key, name: key, unit: "%", direction: "up", index: "raw", scope: "operations" });
const kinds = (systems: ViableSystem[]) => validateSystems(systems).map((p) => p.kind);

describe("validateSystems", () => {
  const good = [
    makeSystem("acme", { channels: [{ kind: "homeostat" }, { kind: "algedonic", unit: "acme/ops" }, { kind: "environment" }] }),
    makeSystem("acme/ops", { indicators: [indicator("a"), indicator("b")], channels: [{ kind: "environment", unit: "acme/ops/x" }] }),
    makeSystem("acme/ops/x"),
  ];

  it("accepts one consistent tree", () => {
    expect(validateSystems(good)).toEqual([]);
    expect(validateSystems([])).toEqual([]);
  });

  it("reports every problem at once, not just the first", () => {
    const problems = validateSystems([
      makeSystem("acme"),
      makeSystem("acme/ops"),
      makeSystem("acme/ops"),
      makeSystem("acme/Bad"),
      makeSystem("acme/lost/unit"),
      { ...makeSystem("acme/sales"), level: 3 },
      { ...makeSystem("acme/hr"), parent: "acme/ops" },
    ]);
    expect(problems).toEqual([
      { kind: "duplicate-path", path: "acme/ops", count: 2, message: 'path "acme/ops" is used by 2 systems' },
      { kind: "invalid-path", path: "acme/Bad", message: expect.stringContaining('segment "Bad"') },
      { kind: "orphan", path: "acme/lost/unit", parent: "acme/lost", message: 'parent "acme/lost" of "acme/lost/unit" is missing' },
      { kind: "level-mismatch", path: "acme/sales", level: 3, expected: 1, message: '"acme/sales" is at recursion level 1, not 3' },
      {
        kind: "parent-mismatch",
        path: "acme/hr",
        parent: "acme/ops",
        expected: "acme",
        message: '"acme/hr" names parent "acme/ops" but its path says "acme"',
      },
    ]);
  });

  it("requires exactly one root", () => {
    expect(kinds([makeSystem("acme"), makeSystem("beta")])).toEqual(["multiple-roots"]);
    expect(validateSystems([makeSystem("acme"), makeSystem("beta")])[0]).toMatchObject({ paths: ["acme", "beta"] });
    expect(kinds([makeSystem("acme/ops")])).toEqual(["orphan", "no-root"]);
    const claimsRoot = { ...makeSystem("acme/ops"), parent: null };
    expect(validateSystems([makeSystem("acme"), claimsRoot])).toEqual([
      expect.objectContaining({ kind: "parent-mismatch", message: '"acme/ops" names no parent but its path says "acme"' }),
    ]);
    const claimsParent = { ...makeSystem("acme"), parent: "top" };
    expect(validateSystems([claimsParent])).toEqual([
      expect.objectContaining({ kind: "parent-mismatch", message: '"acme" names parent "top" but its path says it is the root' }),
      expect.objectContaining({ kind: "no-root" }),
    ]);
  });

  it("checks that channels reach the system's own S1 units", () => {
    const problems = validateSystems([
      makeSystem("acme", {
        channels: [
          { kind: "audit" },
          { kind: "homeostat", unit: "acme/ops" },
          { kind: "command", unit: "acme/ops/x" },
          { kind: "algedonic", unit: "acme/gone" },
          { kind: "coordination", unit: "acme/ops" },
        ],
      }),
      makeSystem("acme/ops"),
      makeSystem("acme/ops/x"),
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'a audit channel of "acme" needs the S1 unit it connects',
      'the homeostat of "acme" joins S3 and S4 and has no unit',
      '"acme/ops/x" is not an S1 unit (direct child) of "acme"',
      'unit "acme/gone" of the algedonic channel of "acme" is missing',
    ]);
    expect(problems[0]).toEqual({ kind: "invalid-channel", path: "acme", channel: "audit", message: expect.any(String) });
    expect(problems[1]).toMatchObject({ kind: "invalid-channel", channel: "homeostat", unit: "acme/ops" });
  });

  it("rejects an indicator key used twice in one system", () => {
    const problems = validateSystems([makeSystem("acme", { indicators: [indicator("a"), indicator("b"), indicator("a")] })]);
    expect(problems).toEqual([{ kind: "duplicate-indicator", path: "acme", key: "a", message: 'indicator "a" appears twice in "acme"' }]);
  });
});
