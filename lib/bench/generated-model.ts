import type { ModelFile, ModelSystem } from "@/lib/model-file/schemas";
import { parseModel } from "@/lib/model-file/parse-model";

/** The unit channels a parent has towards each of its S1 units. */
const UNIT_CHANNELS = ["command", "resource_bargain", "coordination", "audit", "algedonic"] as const;

/**
 * A complete, valid model of `1 + fanOut[0] + fanOut[0]·fanOut[1] + …` systems, for timing the
 * import at a size well beyond the examples (the default, 9 · 10 · 10, gives 1,000 systems,
 * 5,000 functions, 5,095 channels and 3,000 indicators). Deterministic: the same call gives the
 * same model, so figures from two runs compare the same work.
 */
export function generatedModel(fanOut: readonly number[] = [9, 10, 10]): ModelFile {
  const systems: ModelSystem[] = [];
  const grow = (path: string, depth: number) => {
    const units = Array.from({ length: fanOut[depth] ?? 0 }, (_, i) => `${path}/unit-${i + 1}`);
    systems.push(systemAt(path, depth, units));
    for (const unit of units) grow(unit, depth + 1);
  };
  grow("bench", 0);
  // Through the one schema, so the bench imports exactly what a file would give (defaults applied).
  return parseModel(JSON.stringify({ version: 1, name: "Generated", systems }), "json");
}

function systemAt(path: string, depth: number, units: string[]): ModelSystem {
  const fn = (role: string) => ({ present: true, owner: `${role}-${depth}`, notes: "" });
  return {
    path,
    name: `System ${path}`,
    purpose: `Generated system at level ${depth}`,
    owner: `owner-${depth}`,
    functions: { s2: fn("coord"), s3: fn("ops"), s3star: fn("audit"), s4: fn("intel"), s5: fn("board") },
    channels: [
      ...units.flatMap((unit) => UNIT_CHANNELS.map((kind) => ({ kind, unit, description: "" }))),
      ...(units.length > 0 ? [{ kind: "homeostat" as const, description: "S3/S4 review" }] : []),
    ],
    indicators: [
      {
        key: "throughput",
        name: "Throughput",
        unit: "req/s",
        direction: "up",
        index: "productivity",
        scope: "operations",
        capability: 100,
      },
      { key: "latency-p99", name: "Latency p99", unit: "ms", direction: "down", index: "raw", scope: "operations", family: "latency" },
      { key: "demand", name: "Demand", unit: "req/s", direction: "up", index: "raw", scope: "environment" },
    ],
  };
}
