import { describe, expect, it } from "vitest";
import { ModelFileError, type ModelProblem } from "@/lib/model-file/model-file-error";
import { formatFromFileName, type ModelFormat } from "@/lib/model-file/model-format";
import { formatPath, parseModel } from "@/lib/model-file/parse-model";
import { CHANNEL_KINDS } from "@/lib/vsm/model/kinds";

/** The problems `parseModel` reports for a file; fails the test if the file is accepted. */
function problemsOf(text: string, format: ModelFormat = "yaml"): ModelProblem[] {
  try {
    parseModel(text, format);
  } catch (error) {
    expect(error).toBeInstanceOf(ModelFileError);
    return (error as ModelFileError).problems;
  }
  throw new Error("expected the model file to be rejected");
}

/** A model given as a plain object, checked through the JSON reader. */
const json = (model: unknown) => JSON.stringify(model, null, 2);
const problemsOfModel = (model: unknown) => problemsOf(json(model), "json");

const system = (path: string, extra: Record<string, unknown> = {}) => ({ path, name: path, ...extra });
const model = (...systems: unknown[]) => ({ version: 1, systems });
const indicator = (key: string, extra: Record<string, unknown> = {}) => ({
  key,
  name: key,
  unit: "t/day",
  direction: "up",
  ...extra,
});

describe("parseModel: valid files", () => {
  const minimalYaml = ["version: 1", "systems:", "  - path: acme", "    name: Acme", ""].join("\n");

  it("parses a minimal YAML model and applies every default", () => {
    expect(parseModel(minimalYaml, "yaml")).toEqual({
      version: 1,
      systems: [{ path: "acme", name: "Acme", purpose: "", functions: {}, channels: [], indicators: [] }],
    });
  });

  it("parses the same minimal model from JSON", () => {
    expect(parseModel('{"version": 1, "systems": [{"path": "acme", "name": "Acme"}]}', "json")).toEqual(parseModel(minimalYaml, "yaml"));
  });

  it("applies defaults inside functions, channels and indicators", () => {
    const parsed = parseModel(
      json(
        model(
          system("acme", {
            functions: { s3: {}, s4: { present: false } },
            channels: [{ kind: "homeostat" }, { kind: "command", unit: "acme/ops" }],
            indicators: [indicator("output")],
          }),
          system("acme/ops"),
        ),
      ),
      "json",
    );
    const root = parsed.systems[0];
    expect(root?.functions).toEqual({ s3: { present: true, notes: "" }, s4: { present: false, notes: "" } });
    expect(root?.channels).toEqual([
      { kind: "homeostat", description: "" },
      { kind: "command", unit: "acme/ops", description: "" },
    ]);
    expect(root?.indicators).toEqual([
      { key: "output", name: "output", unit: "t/day", direction: "up", index: "raw", scope: "operations" },
    ]);
  });

  it("reads a full model identically from YAML and JSON", () => {
    const yaml = `
version: 1
name: Acme Cloud
description: A small example.
systems:
  - path: acme
    name: "  Acme Cloud  "
    purpose: Serve customers.
    owner: exec-team
    functions:
      s2: { owner: team-sre, notes: On-call rotation }
      s3: { owner: vp-engineering }
      s3star: { present: false, notes: No audit yet }
      s4: { owner: strategy }
      s5: { owner: exec-team }
    channels:
      - { kind: homeostat, description: Weekly review }
      - { kind: environment }
      - { kind: environment, unit: acme/payments }
      - { kind: command, unit: acme/payments }
      - { kind: resource_bargain, unit: acme/payments }
      - { kind: coordination, unit: acme/payments }
      - { kind: audit, unit: acme/payments }
      - { kind: algedonic, unit: acme/payments }
    indicators:
      - key: mrr
        name: Monthly recurring revenue
        unit: kUSD
        direction: up
        index: performance
        family: revenue
        potentiality: 1400
      - { key: price-index, name: Competitor price index, unit: index, direction: up, scope: environment }
  - path: acme/payments
    name: Payments
    indicators:
      - { key: p99, name: p99 latency, unit: ms, direction: down }
      - { key: rate, name: Request rate, unit: req/s, direction: up, index: latency, capability: 1200, potentiality: 3000 }
      - { key: util, name: Utilisation, unit: "%", direction: up, index: productivity, capability: 80.5 }
`;
    const fromYaml = parseModel(yaml, "yaml");
    expect(parseModel(JSON.stringify(fromYaml), "json")).toEqual(fromYaml);
    expect(fromYaml.name).toBe("Acme Cloud");
    expect(fromYaml.systems[0]?.name).toBe("Acme Cloud"); // trimmed
    expect(fromYaml.systems[0]?.functions.s3star).toEqual({ present: false, notes: "No audit yet" });
    expect(fromYaml.systems[0]?.channels).toHaveLength(8);
    expect(fromYaml.systems[1]?.indicators.map((i) => [i.key, i.index, i.capability, i.potentiality])).toEqual([
      ["p99", "raw", undefined, undefined],
      ["rate", "latency", 1200, 3000],
      ["util", "productivity", 80.5, undefined],
    ]);
  });

  it("accepts systems in any order, children before parents", () => {
    const parsed = parseModel(json(model(system("a/b/c"), system("a/b"), system("a"))), "json");
    expect(parsed.systems.map((s) => s.path)).toEqual(["a/b/c", "a/b", "a"]);
  });

  it("accepts the same indicator key and the same channel in different systems", () => {
    expect(() =>
      parseModel(
        json(
          model(
            system("a", { indicators: [indicator("k")], channels: [{ kind: "homeostat" }] }),
            system("a/b", { indicators: [indicator("k")], channels: [{ kind: "homeostat" }] }),
          ),
        ),
        "json",
      ),
    ).not.toThrow();
  });
});

describe("parseModel: syntax errors", () => {
  it("reports invalid YAML as one problem without a path", () => {
    const problems = problemsOf("version: 1\nsystems: [\n", "yaml");
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe("");
    expect(problems[0]?.message).toMatch(/^invalid YAML: .*line 3, column 1/);
  });

  it("reports duplicate YAML keys as invalid YAML", () => {
    expect(problemsOf("version: 1\nversion: 1\nsystems: []\n")).toEqual([
      { path: "", message: expect.stringMatching(/^invalid YAML: Map keys must be unique/) as string },
    ]);
  });

  it("rejects a YAML stream with several documents", () => {
    const problems = problemsOf("version: 1\nsystems:\n  - { path: a, name: A }\n---\nversion: 1\n");
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/^invalid YAML: .*multiple documents/)]);
  });

  it("reports invalid JSON as one problem without a path", () => {
    expect(problemsOf('{"version": 1,', "json")).toEqual([{ path: "", message: expect.stringMatching(/^invalid JSON: /) as string }]);
  });

  it("does not read YAML as JSON", () => {
    expect(problemsOf("version: 1\nsystems: []\n", "json")[0]?.message).toMatch(/^invalid JSON: /);
  });

  it("rejects files that are not an object", () => {
    expect(problemsOf("")).toEqual([{ path: "", message: "expected object" }]);
    expect(problemsOf("null", "json")).toEqual([{ path: "", message: "expected object" }]);
    expect(problemsOf("[]", "json")).toEqual([{ path: "", message: "expected object" }]);
    expect(problemsOf("- version: 1\n")).toEqual([{ path: "", message: "expected object" }]);
  });

  it("throws a ModelFileError whose message lists every problem", () => {
    try {
      parseModel('{"systems": 3, "extra": true}', "json");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ModelFileError);
      const e = error as ModelFileError;
      expect(e.name).toBe("ModelFileError");
      expect(e.problems).toEqual([
        { path: "version", message: "expected 1" },
        { path: "systems", message: "expected array" },
        { path: "", message: 'unknown field "extra"' },
      ]);
      expect(e.message).toBe('version: expected 1\nsystems: expected array\nunknown field "extra"');
    }
  });
});

describe("parseModel: field errors", () => {
  it("names the exact path of a bad enum value and the values it accepts", () => {
    const bad = model(system("a"), system("a/b"), system("a/c", { indicators: [indicator("k", { direction: "sideways" })] }));
    expect(problemsOfModel(bad)).toEqual([{ path: "systems[2].indicators[0].direction", message: 'expected "up" | "down"' }]);
    expect(() => parseModel(json(bad), "json")).toThrow(
      new ModelFileError([{ path: "systems[2].indicators[0].direction", message: 'expected "up" | "down"' }]),
    );
    expect(() => parseModel(json(bad), "json")).toThrow('systems[2].indicators[0].direction: expected "up" | "down"');
  });

  it("lists every accepted value of the other enums", () => {
    expect(
      problemsOfModel(
        model(
          system("a", {
            channels: [{ kind: "telepathy" }],
            indicators: [indicator("k", { index: "speed", scope: "galaxy" })],
          }),
        ),
      ),
    ).toEqual([
      {
        path: "systems[0].channels[0].kind",
        message: CHANNEL_KINDS.map((k) => `"${k}"`)
          .join(" | ")
          .replace(/^/, "expected "),
      },
      { path: "systems[0].indicators[0].index", message: 'expected "productivity" | "latency" | "performance" | "raw"' },
      { path: "systems[0].indicators[0].scope", message: 'expected "operations" | "environment"' },
    ]);
  });

  it("requires version 1", () => {
    expect(problemsOf("version: 2\nsystems: [{ path: a, name: A }]\n")).toEqual([{ path: "version", message: "expected 1" }]);
    expect(problemsOf("systems: [{ path: a, name: A }]\n")).toEqual([{ path: "version", message: "expected 1" }]);
    expect(problemsOf('version: "1"\nsystems: [{ path: a, name: A }]\n')).toEqual([{ path: "version", message: "expected 1" }]);
  });

  it("reports missing required fields as required, and wrong types as expected", () => {
    expect(problemsOfModel({ version: 1, systems: [{ path: "a" }] })).toEqual([{ path: "systems[0].name", message: "required (string)" }]);
    expect(problemsOfModel({ version: 1 })).toEqual([{ path: "systems", message: "required (array)" }]);
    expect(
      problemsOfModel(model(system("a", { name: 7, indicators: [{ key: "k", name: "K", unit: "u", direction: "up", capability: "9" }] }))),
    ).toEqual([
      { path: "systems[0].name", message: "expected string" },
      { path: "systems[0].indicators[0].capability", message: "expected number" },
    ]);
  });

  it("rejects non-finite numbers", () => {
    expect(
      problemsOf(
        "version: 1\nsystems:\n  - path: a\n    name: A\n    indicators:\n      - { key: k, name: K, unit: u, direction: up, capability: .inf }\n",
      ),
    ).toEqual([{ path: "systems[0].indicators[0].capability", message: "expected number" }]);
  });

  it("needs at least one system", () => {
    expect(problemsOfModel({ version: 1, systems: [] })).toEqual([{ path: "systems", message: "must have at least 1 item" }]);
  });

  it("limits the length of names and units", () => {
    expect(problemsOfModel(model(system("a", { name: "x".repeat(201), indicators: [indicator("k", { unit: "u".repeat(33) })] })))).toEqual([
      { path: "systems[0].name", message: "must be at most 200 characters" },
      { path: "systems[0].indicators[0].unit", message: "must be at most 32 characters" },
    ]);
  });

  it("rejects paths and keys that are not slugs", () => {
    const problems = problemsOfModel(
      model(system("Acme"), system("a//b"), system("a/"), system("ok", { indicators: [indicator("Bad Key")] })),
    );
    expect(problems).toEqual([
      { path: "systems[0].path", message: "expected slash-separated slugs such as acme/ops/payments" },
      { path: "systems[1].path", message: "expected slash-separated slugs such as acme/ops/payments" },
      { path: "systems[2].path", message: "expected slash-separated slugs such as acme/ops/payments" },
      {
        path: "systems[3].indicators[0].key",
        message: "expected lowercase letters, digits and '-', starting with a letter or digit",
      },
    ]);
  });

  it("rejects blank names and owners", () => {
    expect(problemsOfModel(model(system("a", { name: "   ", owner: " " })))).toEqual([
      { path: "systems[0].name", message: "must not be empty" },
      { path: "systems[0].owner", message: "must not be empty" },
    ]);
  });

  it("rejects unknown fields at every level", () => {
    expect(
      problemsOfModel({
        version: 1,
        title: "x",
        systems: [
          system("a", {
            parent: null,
            functions: { s1: {}, s3: { present: true, budget: 3 } },
            channels: [{ kind: "homeostat", to: "s4" }],
            indicators: [indicator("k", { actuality: 3, target: 4 })],
          }),
        ],
      }),
    ).toEqual([
      { path: "systems[0].functions.s3", message: 'unknown field "budget"' },
      { path: "systems[0].functions", message: 'unknown field "s1"' },
      { path: "systems[0].channels[0]", message: 'unknown field "to"' },
      { path: "systems[0].indicators[0]", message: 'unknown fields "actuality", "target"' },
      { path: "systems[0]", message: 'unknown field "parent"' },
      { path: "", message: 'unknown field "title"' },
    ]);
  });
});

describe("parseModel: cross-checks", () => {
  it("rejects a duplicate path, pointing at the first use", () => {
    expect(problemsOfModel(model(system("a"), system("a/b"), system("a/b")))).toEqual([
      { path: "systems[2].path", message: 'duplicate path "a/b" (first used by systems[1])' },
    ]);
  });

  it("rejects a system whose parent is not in the file (orphan)", () => {
    expect(problemsOfModel(model(system("a"), system("a/b/c")))).toEqual([
      { path: "systems[1].path", message: 'parent "a/b" is not in the file' },
    ]);
    expect(problemsOfModel(model(system("a/b")))).toEqual([{ path: "systems[0].path", message: 'parent "a" is not in the file' }]);
  });

  it("checks each system's policy override merged over its ancestors', naming the setting", () => {
    const root = system("a", { policy: { escalation: { allowances: [3_600_000, 1_800_000] } } });
    expect(
      parseModel(json(model(root, system("a/b", { policy: { escalation: { remedyPeriods: 2 } } }))), "json").systems[1]?.policy,
    ).toEqual({
      escalation: { remedyPeriods: 2 },
    });
    expect(problemsOfModel(model(root, system("a/b", { policy: { escalation: { allowances: [] }, nonsense: 1 } })))).toEqual([
      { path: "systems[1].policy.escalation.allowances", message: expect.stringMatching(/>=1 items/) },
      { path: "systems[1].policy", message: expect.stringMatching(/nonsense/) },
    ]);
    // Each override is fine alone; merged, the child's alert threshold exceeds the root's crisis threshold.
    const strict = system("a", { policy: { bands: { crisis: 0.6, alert: 0.5 } } });
    expect(problemsOfModel(model(strict, system("a/b", { policy: { bands: { alert: 0.7 } } })))).toEqual([
      { path: "systems[1].policy.bands", message: "alert threshold must not exceed crisis threshold" },
    ]);
  });

  it("allows several roots", () => {
    expect(parseModel(json(model(system("a"), system("b"))), "json").systems).toHaveLength(2);
  });

  it.each(["command", "resource_bargain", "coordination", "audit", "algedonic"])("requires the unit of a %s channel", (kind) => {
    expect(problemsOfModel(model(system("a", { channels: [{ kind }] }), system("a/b")))).toEqual([
      { path: "systems[0].channels[0].unit", message: `a ${kind} channel needs the S1 unit it connects` },
    ]);
  });

  it("forbids a unit on the homeostat", () => {
    expect(problemsOfModel(model(system("a", { channels: [{ kind: "homeostat", unit: "a/b" }] }), system("a/b")))).toEqual([
      { path: "systems[0].channels[0].unit", message: "a homeostat channel joins S3 and S4 and has no unit" },
    ]);
  });

  it("allows an environment channel with or without a unit", () => {
    const parsed = parseModel(
      json(model(system("a", { channels: [{ kind: "environment" }, { kind: "environment", unit: "a/b" }] }), system("a/b"))),
      "json",
    );
    expect(parsed.systems[0]?.channels.map((c) => c.unit)).toEqual([undefined, "a/b"]);
  });

  it.each([
    ["a grandchild", "a/b/c/d"],
    ["the system itself", "a/b"],
    ["its parent", "a"],
    ["a sibling", "a/d"],
    ["an unrelated system", "x/y"],
  ])("refuses %s as the unit", (_, unit) => {
    const tree = [system("a"), system("a/b/c"), system("a/b/c/d"), system("a/d"), system("x"), system("x/y")];
    expect(problemsOfModel(model(system("a/b", { channels: [{ kind: "audit", unit }] }), ...tree))).toEqual([
      { path: "systems[0].channels[0].unit", message: `"${unit}" is not an S1 unit (direct child) of "a/b"` },
    ]);
  });

  it("requires the unit to be in the file", () => {
    expect(problemsOfModel(model(system("a", { channels: [{ kind: "command", unit: "a/ghost" }] })))).toEqual([
      { path: "systems[0].channels[0].unit", message: 'unit "a/ghost" is not in the file' },
    ]);
  });

  it("rejects a duplicate channel, with or without a unit", () => {
    const channels = [
      { kind: "command", unit: "a/b" },
      { kind: "command", unit: "a/c" },
      { kind: "audit", unit: "a/b" },
      { kind: "command", unit: "a/b", description: "again" },
      { kind: "homeostat" },
      { kind: "homeostat" },
      { kind: "environment" },
      { kind: "environment", unit: "a/b" },
      { kind: "environment" },
    ];
    expect(problemsOfModel(model(system("a", { channels }), system("a/b"), system("a/c")))).toEqual([
      { path: "systems[0].channels[3]", message: 'duplicate command channel to "a/b"' },
      { path: "systems[0].channels[5]", message: "duplicate homeostat channel" },
      { path: "systems[0].channels[8]", message: "duplicate environment channel" },
    ]);
  });

  it("rejects a duplicate indicator key within one system", () => {
    expect(problemsOfModel(model(system("a", { indicators: [indicator("k"), indicator("j"), indicator("k")] })))).toEqual([
      { path: "systems[0].indicators[2].key", message: 'duplicate indicator key "k" in "a"' },
    ]);
  });

  it.each([
    ["productivity", {}, ["capability"]],
    ["productivity", { potentiality: 5 }, ["capability"]],
    ["latency", {}, ["capability", "potentiality"]],
    ["latency", { capability: 4 }, ["potentiality"]],
    ["latency", { potentiality: 5 }, ["capability"]],
    ["performance", {}, ["potentiality"]],
    ["performance", { capability: 4 }, ["potentiality"]],
  ] as const)("index %s with %j needs %j", (index, values, missing) => {
    expect(problemsOfModel(model(system("a", { indicators: [indicator("k", { index, ...values })] })))).toEqual(
      missing.map((need) => ({ path: `systems[0].indicators[0].${need}`, message: `required by index "${index}"` })),
    );
  });

  it.each([
    ["productivity", { capability: 4 }],
    ["latency", { capability: 4, potentiality: 5 }],
    ["performance", { potentiality: 5 }],
    ["raw", {}],
    ["raw", { capability: 4, potentiality: 5 }],
  ] as const)("index %s is satisfied by %j", (index, values) => {
    expect(() => parseModel(json(model(system("a", { indicators: [indicator("k", { index, ...values })] }))), "json")).not.toThrow();
  });

  it("counts zero as a given capability", () => {
    expect(() =>
      parseModel(json(model(system("a", { indicators: [indicator("k", { index: "productivity", capability: 0 })] }))), "json"),
    ).not.toThrow();
  });
});

describe("parseModel: several problems at once", () => {
  it("reports every problem in one error, field errors first, then cross-checks", () => {
    const yaml = `
version: 1
colour: blue
systems:
  - path: acme
    name: Acme
    channels:
      - { kind: command }
      - { kind: homeostat, unit: acme/ops }
      - { kind: audit, unit: acme/ops/db }
      - { kind: algedonic, unit: acme/ghost }
      - { kind: coordination, unit: acme/ops }
      - { kind: coordination, unit: acme/ops }
  - path: acme/ops
    name: Operations
    indicators:
      - { key: rate, name: Rate, unit: req/s, direction: upward, index: performance }
      - { key: rate, name: Rate again, unit: req/s, direction: up, index: productivity }
      - { key: lag, name: Lag, unit: s, direction: down, index: latency, capability: 3 }
  - path: acme/ops/db
    name: Database
    size: large
  - path: acme/ops
    name: Operations again
  - path: acme/sales/eu
    name: EU sales
`;
    expect(problemsOf(yaml)).toEqual([
      // field errors, in file order
      { path: "systems[1].indicators[0].direction", message: 'expected "up" | "down"' },
      { path: "systems[2]", message: 'unknown field "size"' },
      { path: "", message: 'unknown field "colour"' },
      // cross-checks, still run although some systems have field errors
      { path: "systems[3].path", message: 'duplicate path "acme/ops" (first used by systems[1])' },
      { path: "systems[0].channels[0].unit", message: "a command channel needs the S1 unit it connects" },
      { path: "systems[0].channels[1].unit", message: "a homeostat channel joins S3 and S4 and has no unit" },
      { path: "systems[0].channels[2].unit", message: '"acme/ops/db" is not an S1 unit (direct child) of "acme"' },
      { path: "systems[0].channels[3].unit", message: 'unit "acme/ghost" is not in the file' },
      { path: "systems[0].channels[5]", message: 'duplicate coordination channel to "acme/ops"' },
      { path: "systems[1].indicators[0].potentiality", message: 'required by index "performance"' },
      { path: "systems[1].indicators[1].key", message: 'duplicate indicator key "rate" in "acme/ops"' },
      { path: "systems[1].indicators[1].capability", message: 'required by index "productivity"' },
      { path: "systems[1].indicators[2].potentiality", message: 'required by index "latency"' },
      { path: "systems[4].path", message: 'parent "acme/sales" is not in the file' },
    ]);
  });

  it("still cross-checks a system whose path is invalid, and skips only what needs its path", () => {
    expect(
      problemsOfModel(
        model(
          system("Bad Path", {
            channels: [{ kind: "command" }, { kind: "audit", unit: "x/y" }],
            indicators: [indicator("k"), indicator("k")],
          }),
        ),
      ),
    ).toEqual([
      { path: "systems[0].path", message: "expected slash-separated slugs such as acme/ops/payments" },
      { path: "systems[0].channels[0].unit", message: "a command channel needs the S1 unit it connects" },
      { path: "systems[0].indicators[1].key", message: 'duplicate indicator key "k"' },
    ]);
  });

  it("does not trip over systems that are not objects", () => {
    expect(problemsOfModel(model(3, null, system("a/b"), "x"))).toEqual([
      { path: "systems[0]", message: "expected object" },
      { path: "systems[1]", message: "expected object" },
      { path: "systems[3]", message: "expected object" },
      { path: "systems[2].path", message: 'parent "a" is not in the file' },
    ]);
    expect(problemsOfModel(model(system("a", { channels: "none", indicators: [7] })))).toEqual([
      { path: "systems[0].channels", message: "expected array" },
      { path: "systems[0].indicators[0]", message: "expected object" },
    ]);
  });
});

describe("formatFromFileName", () => {
  it.each([
    ["model.json", "json"],
    ["MODEL.JSON", "json"],
    ["prisma/seed/cybersyn-economy.yaml", "yaml"],
    ["model.yml", "yaml"],
    ["Model.YAML", "yaml"],
  ] as const)("reads %s as %s", (fileName, format) => {
    expect(formatFromFileName(fileName)).toBe(format);
  });

  it.each(["model.txt", "model", "model.json.bak", "model.yaml~", "json", ".yamlx"])("refuses %s", (fileName) => {
    expect(() => formatFromFileName(fileName)).toThrow(ModelFileError);
    expect(() => formatFromFileName(fileName)).toThrow(`cannot tell the format of "${fileName}": use a .json, .yaml or .yml file`);
  });
});

describe("formatPath", () => {
  it("writes keys with dots and indices in brackets", () => {
    expect(formatPath(["systems", 2, "indicators", 0, "direction"])).toBe("systems[2].indicators[0].direction");
    expect(formatPath(["functions", "s3star", "owner"])).toBe("functions.s3star.owner");
    expect(formatPath([0, "path"])).toBe("[0].path");
    expect(formatPath([])).toBe("");
  });
});
