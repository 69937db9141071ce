import type { HomeostatView } from "@/lib/vsm/homeostat/homeostat";
import { ancestorPaths, pathAtLevel } from "@/lib/vsm/model/path";
import type { Policy } from "@/lib/vsm/policy";
import { inWindow, type TimeWindow } from "@/lib/vsm/time-window";
import type { LevelAccount } from "@/lib/vsm/variety/variety-flow";
import { attentionHomeostat } from "@/lib/view/attention-homeostat";
import { effectivePolicyOf } from "@/lib/view/effective-policy";
import { levelAccounts } from "@/lib/view/level-variety";
import { systemVariety, type SystemVariety } from "@/lib/view/system-variety";
import type { VarietyInput, WindowSignal } from "@/lib/view/variety-input";
import { windowVisibility } from "@/lib/view/window-visibility";

export interface SystemHomeostat {
  path: string;
  name: string;
  settings: Policy["homeostat"];
  view: HomeostatView;
}

/** One tree's variety over the window (docs/variety.md). */
export interface TreeVariety {
  root: { path: string; name: string };
  /** Signals raised in the tree within the window, retracted ones included. */
  signals: number;
  /** Systems that a disturbance reached or that applied a response, in tree order. */
  systems: SystemVariety[];
  /** Systems of the tree with neither: nothing to balance. */
  quiet: number;
  /** Each level's attenuators and amplifiers, root first; none when no signal was raised. */
  levels: LevelAccount[];
  /** Where operators' attention was recorded. */
  homeostats: SystemHomeostat[];
}

export interface VarietyReport {
  window: TimeWindow;
  trees: TreeVariety[];
  /** Nothing raised, responded to or attended to anywhere within the window. */
  empty: boolean;
}

/** Depth first: a system's units follow it, whatever characters their slugs hold. */
export function treeOrder(a: string, b: string): number {
  const x = a.split("/");
  const y = b.split("/");
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return x.length - y.length;
}

/** The signals of each system's subtree: every signal is listed under its unit and each unit above it. */
function bySubtree(signals: readonly WindowSignal[]): Map<string, WindowSignal[]> {
  const subtrees = new Map<string, WindowSignal[]>();
  for (const ws of signals) {
    for (const path of [ws.signal.unitPath, ...ancestorPaths(ws.signal.unitPath)]) {
      const list = subtrees.get(path);
      if (list) list.push(ws);
      else subtrees.set(path, [ws]);
    }
  }
  return subtrees;
}

/** Per tree: each system's balance, each level's devices and the homeostats, from the window's rows. */
export function varietyReport(input: VarietyInput): VarietyReport {
  const { window } = input;
  const policyOf = effectivePolicyOf(input.systems);
  const subtrees = bySubtree(input.signals);
  const raised = input.signals.map((ws) => ws.signal).filter((s) => inWindow(s.raisedAt, window));
  const visibility = windowVisibility(
    raised,
    input.signals.map((ws) => ws.signal),
    input.silences,
    window,
  );
  const roots = input.systems.filter((s) => s.level === 0).sort((a, b) => treeOrder(a.path, b.path));
  const trees = roots.map((root): TreeVariety => {
    const members = input.systems.filter((s) => pathAtLevel(s.path, 0) === root.path).sort((a, b) => treeOrder(a.path, b.path));
    const systems: SystemVariety[] = [];
    const homeostats: SystemHomeostat[] = [];
    for (const system of members) {
      const subtree = subtrees.get(system.path);
      if (subtree === undefined) continue;
      const policy = policyOf(system.path);
      const variety = systemVariety(system, subtree, window, policy.variety.tolerance);
      if (variety.assessment.disturbances.events + variety.assessment.responses.events > 0) systems.push(variety);
      const view = attentionHomeostat(subtree, window, policy.homeostat);
      if (view !== null) homeostats.push({ path: system.path, name: system.name, settings: policy.homeostat, view });
    }
    const treeSignals = raised.filter((s) => pathAtLevel(s.unitPath, 0) === root.path);
    const deepest = Math.max(...members.map((s) => s.level));
    return {
      root: { path: root.path, name: root.name },
      signals: treeSignals.length,
      systems,
      quiet: members.length - systems.length,
      levels: treeSignals.length === 0 ? [] : levelAccounts(treeSignals, deepest, visibility),
      homeostats,
    };
  });
  return { window, trees, empty: trees.every((t) => t.signals === 0 && t.systems.length === 0 && t.homeostats.length === 0) };
}
