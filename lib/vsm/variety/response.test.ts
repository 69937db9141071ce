import { describe, expect, it } from "vitest";
import { shannonEntropy } from "@/lib/vsm/entropy";
import { RESPONSE_KINDS, responseClass, responseCounts, type RegulatoryResponse } from "@/lib/vsm/variety/response";

const window = { from: 0, to: 1_000 };

describe("regulatory responses", () => {
  it("counts an operator's resolution as a response of its own kind", () => {
    expect(RESPONSE_KINDS).toContain("resolve");
    // The same word under two kinds is two responses: resolving as fixed is not a remedy called "fixed".
    expect(responseClass({ at: 0, kind: "resolve", action: "fixed" })).not.toBe(responseClass({ at: 0, kind: "remedy", action: "fixed" }));
  });

  it("gives each distinct resolution its own class: fixed twice and a false alarm once is {2/3, 1/3}", () => {
    const responses: RegulatoryResponse[] = [
      { at: 100, kind: "resolve", action: "fixed" },
      { at: 200, kind: "resolve", action: "fixed" },
      { at: 300, kind: "resolve", action: "false-alarm" },
      { at: 1_000, kind: "resolve", action: "accepted-new-normal" },
    ];
    const counts = responseCounts(responses, window);
    expect(Object.values(counts).sort()).toEqual([1, 2]);
    // −(2/3)·log₂(2/3) − (1/3)·log₂(1/3) = 0.9183 bits
    expect(shannonEntropy(Object.values(counts))).toBeCloseTo(0.9183, 4);
  });
});
