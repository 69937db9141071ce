import type { TreeVariety } from "@/lib/view/variety-report";
import { HomeostatTable } from "./homeostat-table";
import { LevelVarietyTable } from "./level-variety-table";
import { SystemVarietyTable } from "./system-variety-table";

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** One tree's variety: the systems' balance, the levels' devices, and the homeostat where attention was recorded. */
export function TreeVarietySection({ tree, window }: { tree: TreeVariety; window: string }) {
  const id = `variety-${tree.root.path}`;
  return (
    <section aria-labelledby={id} className="mb-10">
      <h2 id={id} className="mb-1 text-lg font-semibold">
        {tree.root.name}
      </h2>
      <p className="text-muted mb-3 text-sm">
        {plural(tree.signals, "signal", "signals")} raised · {plural(tree.systems.length, "system", "systems")} with disturbances or
        responses · {plural(tree.quiet, "system", "systems")} with neither
      </p>
      {tree.systems.length === 0 ? (
        <p className="text-muted mb-6 text-sm">No disturbance reached this tree and no response was recorded in the {window}.</p>
      ) : (
        <div className="mb-6">
          <SystemVarietyTable tree={tree.root.name} systems={tree.systems} window={window} />
        </div>
      )}
      {tree.levels.length === 0 ? null : (
        <div className="mb-6">
          <h3 className="mb-2 text-base font-semibold">Attenuation and amplification per level</h3>
          <LevelVarietyTable tree={tree.root.name} levels={tree.levels} window={window} />
        </div>
      )}
      {tree.homeostats.length === 0 ? null : (
        <div className="mb-6">
          <h3 className="mb-2 text-base font-semibold">S3↔S4 homeostat</h3>
          <HomeostatTable tree={tree.root.name} homeostats={tree.homeostats} window={window} />
        </div>
      )}
    </section>
  );
}
