import { describe, expect, it } from "vitest";
import { SEVERITIES, severityRank } from "@/lib/vsm/diagnosis/severity";

describe("severity", () => {
  it("ranks critical before warning before info", () => {
    expect([...SEVERITIES].sort((a, b) => severityRank(b) - severityRank(a))).toEqual(["info", "warning", "critical"]);
    expect(severityRank("critical")).toBe(0);
  });
});
