import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { SignalActions } from "@/components/signals/signal-actions";
import { LiveUpdates } from "@/components/live/live-updates";
import { PageHeader } from "@/components/ui/page-header";
import { ValenceBadge } from "@/components/vsm/valence-badge";
import { requestTime } from "@/lib/clock";
import { requirePageActor } from "@/lib/auth/page-actor";
import { permits } from "@/lib/auth/permissions";
import { getDatabase } from "@/lib/db";
import { readSignalIn } from "@/lib/store/signals";
import { signalRow, timelineRows } from "@/lib/view/signal-rows";

export const metadata: Metadata = { title: "Signal" };

export default async function SignalPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { actor, scopes } = await requirePageActor();
  const { id } = await params;
  const db = await getDatabase();
  // A signal outside the reader's subtrees is "not found", not "forbidden": its existence is not theirs to know.
  const signal = await readSignalIn(db.sql, decodeURIComponent(id), scopes);
  if (signal === null) notFound();
  const now = requestTime();
  const row = signalRow(signal, now);
  const reference = signal.reference;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/signals" className="text-accent hover:underline">
          ← Signals
        </Link>
      </p>
      <PageHeader title={`${row.kind} on ${row.indicator}`} aside={<LiveUpdates kinds="signal,timeline" unit={row.unitPath} />}>
        <ValenceBadge valence={row.valence} band={row.band} /> {row.state} · raised {row.age} ago at{" "}
        <span className="font-mono">{row.unitPath}</span> · held by <span className="font-mono">{row.holder.path}</span> (level{" "}
        {row.holder.level}) · {row.clock}
      </PageHeader>
      <dl className="text-muted mb-6 grid max-w-3xl grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt>Changes</dt>
        <dd className="text-ink">{signal.changes}</dd>
        <dt>Reference</dt>
        <dd className="text-ink">
          {reference === null
            ? "none: an external alert, closed when the alert resolves"
            : `level ${reference.level.toPrecision(4)} before the change (sd ${reference.sd.toPrecision(2)}); remedied once back there for the policy's periods`}
        </dd>
        <dt>Id</dt>
        <dd className="font-mono text-xs">{signal.id}</dd>
      </dl>
      {/* Buttons only for those who may use them; the actions check again whatever the page showed. */}
      {signal.closedAt === null && permits(actor, "operate", signal.unitPath) ? <SignalActions signalId={signal.id} /> : null}
      <h2 className="mb-2 text-lg font-semibold">Timeline</h2>
      <ol aria-label="Timeline" className="bg-surface border-line rounded-md border">
        {timelineRows(signal).map((entry) => (
          <li key={entry.seq} className="border-line grid grid-cols-[7rem_1fr] gap-3 border-b px-3 py-2 text-sm last:border-0">
            <time dateTime={new Date(entry.at).toISOString()} className="text-muted tabular-nums">
              {entry.offset}
            </time>
            <div>
              <p>
                <span className="font-medium">{entry.kind}</span> · {entry.change} · {entry.holder} · by {entry.actor}
              </p>
              <p className="text-muted">{entry.reason}</p>
              {entry.probabilities ? <p className="text-muted text-xs">{entry.probabilities}</p> : null}
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}
