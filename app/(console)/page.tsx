import { connection } from "next/server";
import { EmptyState } from "@/components/ui/empty-state";
import { LiveUpdates } from "@/components/live/live-updates";
import { PageHeader } from "@/components/ui/page-header";
import { SystemTree } from "@/components/vsm/system-tree";
import { requirePageActor } from "@/lib/auth/page-actor";
import { getDatabase } from "@/lib/db";
import { getOverview } from "@/lib/store/systems";

export default async function OverviewPage() {
  await connection();
  const { scopes } = await requirePageActor();
  const overview = await getOverview(await getDatabase(), scopes);
  return (
    <>
      <PageHeader title="Overview" aside={<LiveUpdates kinds="signal" />}>
        The recursion of viable systems: each system with its S1 operational units beneath it and which of S2–S5 it has.
      </PageHeader>
      {overview.systemCount === 0 ? (
        <EmptyState title="No model yet">
          <p>
            Import a model file (JSON or YAML) with <code className="font-mono">npm run model -- import FILE</code>, or load the examples
            with <code className="font-mono">npm run db:seed</code>.
          </p>
        </EmptyState>
      ) : (
        <>
          <dl className="mb-6 grid max-w-3xl grid-cols-5 gap-3">
            <Stat label="Systems" value={overview.systemCount} />
            <Stat label="Recursion levels" value={overview.levelCount} />
            <Stat label="Indicators" value={overview.indicatorCount} />
            <Stat label="Open pain" value={overview.openSignals.pain} />
            <Stat label="Open pleasure" value={overview.openSignals.pleasure} />
          </dl>
          <SystemTree nodes={overview.roots} label="Recursion" />
        </>
      )}
    </>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="bg-surface border-line rounded-lg border px-4 py-3">
      <dt className="text-muted text-xs">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums">{value}</dd>
    </div>
  );
}
