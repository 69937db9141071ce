import { UNIT_CHANNEL_KINDS, type ChannelKind } from "@/lib/vsm/model/kinds";
import { depthOf, parentOf, parsePath } from "@/lib/vsm/model/path";
import type { StructureProblem } from "@/lib/vsm/model/structure-problem";
import type { ViableSystem } from "@/lib/vsm/model/system";

const NEEDS_UNIT = new Set<ChannelKind>(UNIT_CHANNEL_KINDS);

/**
 * Checks that path-keyed systems form one recursion tree: valid unique paths, parents present
 * and consistent with the paths, levels equal to depth, exactly one root, channel ends that are
 * the system's own S1 units and unique indicator keys. Paths make cycles impossible here (a
 * parent's path is strictly shorter); row input with parent ids is checked by `resolveRows`.
 */
export function validateSystems(systems: readonly ViableSystem[]): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const counts = new Map<string, number>();
  for (const { path } of systems) counts.set(path, (counts.get(path) ?? 0) + 1);
  for (const [path, count] of counts)
    if (count > 1) problems.push({ kind: "duplicate-path", path, count, message: `path "${path}" is used by ${count} systems` });

  const roots: string[] = [];
  for (const system of systems) {
    const parsed = parsePath(system.path);
    if (!parsed.ok) {
      problems.push({ kind: "invalid-path", path: system.path, message: `"${system.path}": ${parsed.reason}` });
      continue;
    }
    problems.push(...placementProblems(system, counts));
    if (system.parent === null && parentOf(system.path) === null) roots.push(system.path);
    problems.push(...channelProblems(system, counts), ...indicatorProblems(system));
  }
  if (systems.length > 0 && roots.length === 0)
    problems.push({ kind: "no-root", message: "no system is the root (a path with one segment and no parent)" });
  if (roots.length > 1)
    problems.push({ kind: "multiple-roots", paths: roots, message: `one root expected, found ${roots.length}: ${roots.join(", ")}` });
  return problems;
}

function placementProblems(system: ViableSystem, known: ReadonlyMap<string, number>): StructureProblem[] {
  const { path } = system;
  const problems: StructureProblem[] = [];
  const expected = parentOf(path);
  if (system.parent !== expected)
    problems.push({
      kind: "parent-mismatch",
      path,
      parent: system.parent,
      expected,
      message: `"${path}" names ${system.parent === null ? "no parent" : `parent "${system.parent}"`} but its path says ${expected === null ? "it is the root" : `"${expected}"`}`,
    });
  if (expected !== null && !known.has(expected))
    problems.push({ kind: "orphan", path, parent: expected, message: `parent "${expected}" of "${path}" is missing` });
  const depth = depthOf(path);
  if (system.level !== depth)
    problems.push({
      kind: "level-mismatch",
      path,
      level: system.level,
      expected: depth,
      message: `"${path}" is at recursion level ${depth}, not ${system.level}`,
    });
  return problems;
}

function channelProblems(system: ViableSystem, known: ReadonlyMap<string, number>): StructureProblem[] {
  const problems: StructureProblem[] = [];
  const { path } = system;
  for (const { kind, unit } of system.channels) {
    const problem = (message: string): StructureProblem =>
      unit === undefined
        ? { kind: "invalid-channel", path, channel: kind, message }
        : { kind: "invalid-channel", path, channel: kind, unit, message };
    if (unit === undefined) {
      if (NEEDS_UNIT.has(kind)) problems.push(problem(`a ${kind} channel of "${path}" needs the S1 unit it connects`));
    } else if (kind === "homeostat") problems.push(problem(`the homeostat of "${path}" joins S3 and S4 and has no unit`));
    else if (parentOf(unit) !== path) problems.push(problem(`"${unit}" is not an S1 unit (direct child) of "${path}"`));
    else if (!known.has(unit)) problems.push(problem(`unit "${unit}" of the ${kind} channel of "${path}" is missing`));
  }
  return problems;
}

function indicatorProblems(system: ViableSystem): StructureProblem[] {
  const seen = new Set<string>();
  const problems: StructureProblem[] = [];
  for (const { key } of system.indicators) {
    if (seen.has(key))
      problems.push({
        kind: "duplicate-indicator",
        path: system.path,
        key,
        message: `indicator "${key}" appears twice in "${system.path}"`,
      });
    seen.add(key);
  }
  return problems;
}
