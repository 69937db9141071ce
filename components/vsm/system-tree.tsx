import Link from "next/link";
import { FunctionBadges } from "@/components/vsm/function-badges";
import type { OverviewSystem } from "@/lib/view/overview";
import type { TreeNode } from "@/lib/view/system-tree";

/** The recursion as nested lists: each system, then its S1 units indented beneath it. */
export function SystemTree({ nodes, label }: { nodes: TreeNode<OverviewSystem>[]; label?: string }) {
  return (
    <ul aria-label={label} className={label ? "space-y-1" : "border-line ml-4 space-y-1 border-l pl-3"}>
      {nodes.map((node) => (
        <li key={node.id}>
          <SystemRow system={node} />
          {node.units.length > 0 ? <SystemTree nodes={node.units} /> : null}
        </li>
      ))}
    </ul>
  );
}

function SystemRow({ system }: { system: TreeNode<OverviewSystem> }) {
  return (
    <article
      aria-label={system.name}
      className="bg-surface border-line flex flex-wrap items-center gap-x-4 gap-y-1 rounded-md border px-3 py-2"
    >
      <div className="min-w-48 flex-1">
        <h3 className="text-sm font-semibold">
          {system.name}
          <span className="text-muted ml-2 text-xs font-normal">level {system.level}</span>
        </h3>
        <p className="text-muted font-mono text-xs">{system.path}</p>
        {system.purpose ? <p className="text-muted mt-0.5 text-xs">{system.purpose}</p> : null}
      </div>
      <dl className="text-muted flex gap-4 text-xs">
        <div>
          <dt className="sr-only">Owner</dt>
          <dd>{system.owner ?? <span className="text-missing">no owner</span>}</dd>
        </div>
        <div>
          <dt className="sr-only">Indicators</dt>
          <dd>
            {system.indicatorCount} indicator{system.indicatorCount === 1 ? "" : "s"}
          </dd>
        </div>
        <div>
          <dt className="sr-only">Open signals</dt>
          <dd>
            <OpenSignals counts={system.openSignals} />
          </dd>
        </div>
        <div>
          <dt className="sr-only">S1 units</dt>
          <dd>
            {system.units.length} unit{system.units.length === 1 ? "" : "s"}
          </dd>
        </div>
      </dl>
      <FunctionBadges functions={system.functions} />
    </article>
  );
}

/** Running pain and pleasure raised here, linked to the Signals page; a quiet "no open signals" otherwise. */
function OpenSignals({ counts }: { counts: OverviewSystem["openSignals"] }) {
  if (counts.pain + counts.pleasure === 0) return <span>no open signals</span>;
  return (
    <Link href="/signals" className="hover:underline">
      {counts.pain > 0 ? <span className="bg-missing-soft text-missing rounded px-1.5 py-0.5 font-medium">{counts.pain} pain</span> : null}
      {counts.pain > 0 && counts.pleasure > 0 ? " " : null}
      {counts.pleasure > 0 ? (
        <span className="bg-present-soft text-present rounded px-1.5 py-0.5 font-medium">{counts.pleasure} pleasure</span>
      ) : null}
    </Link>
  );
}
