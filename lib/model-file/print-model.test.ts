import { describe, expect, it } from "vitest";
import { parseModel } from "@/lib/model-file/parse-model";
import { printModel } from "@/lib/model-file/print-model";
import type { ModelFile } from "@/lib/model-file/schemas";

/** Strings YAML would read as something else, or as structure, if they were printed bare. */
const MODEL: ModelFile = {
  version: 1,
  name: "Acme: the #1 shop",
  systems: [
    {
      path: "acme",
      name: "yes",
      purpose: "line one\nline two: with a colon, 'quotes' and \"more\"",
      owner: "007",
      functions: { s3: { present: true, owner: "null", notes: "- not a list" } },
      channels: [{ kind: "homeostat", description: "{ not: a map }" }],
      indicators: [{ key: "rate", name: "Rate", unit: "%", direction: "up", index: "productivity", scope: "operations", capability: 1e-7 }],
    },
  ],
};

describe("printModel", () => {
  it.each(["json", "yaml"] as const)("prints %s that parses back to the same model", (format) => {
    const text = printModel(MODEL, format);
    expect(parseModel(text, format)).toEqual(MODEL);
    expect(text.endsWith("\n")).toBe(true);
  });

  it("prints JSON indented by two spaces and YAML as block mappings, one field a line", () => {
    expect(printModel(MODEL, "json").split("\n").slice(0, 3)).toEqual(["{", '  "version": 1,', '  "name": "Acme: the #1 shop",']);
    expect(printModel(MODEL, "yaml").split("\n").slice(0, 3)).toEqual(["version: 1", 'name: "Acme: the #1 shop"', "systems:"]);
  });
});
