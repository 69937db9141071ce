import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { EmptyState } from "@/components/ui/empty-state";
import { LiveUpdates } from "@/components/live/live-updates";
import { PageHeader } from "@/components/ui/page-header";
import { ValenceBadge } from "@/components/vsm/valence-badge";
import { requestTime } from "@/lib/clock";
import { requirePageActor } from "@/lib/auth/page-actor";
import { getDatabase } from "@/lib/db";
import { countRetractedSince, listSignals } from "@/lib/store/signals";
import { silencesActiveSince } from "@/lib/store/silences";
import { signalRows } from "@/lib/view/signal-rows";
import { signalVisibility } from "@/lib/vsm/algedonic/visible-signals";
import { DAY } from "@/lib/vsm/types";

export const metadata: Metadata = { title: "Signals" };

/** Closed signals stay listed this long; the running ones always are. */
const RECENT = DAY;
const LIMIT = 500;

export default async function SignalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const { scopes } = await requirePageActor();
  const withRetracted = (await searchParams).retracted === "show";
  const db = await getDatabase();
  const now = requestTime();
  const [signals, silences, retracted] = await Promise.all([
    listSignals(db.sql, { closedSince: now - RECENT, limit: LIMIT, retracted: withRetracted, scopes }),
    silencesActiveSince(db.sql, now),
    countRetractedSince(db.sql, now - RECENT, scopes),
  ]);
  // Silences and inhibition hide a signal without changing it: the list keeps it, saying why it is hidden.
  const overlays = new Map(signalVisibility(signals, silences, now).map((v) => [v.signal.id, v]));
  const rows = signalRows(signals, now, overlays);
  const running = rows.filter((r) => !r.closed);
  return (
    <>
      <PageHeader title="Signals" aside={<LiveUpdates kinds="signal" />}>
        Algedonic signals — pain and pleasure raised from filtered telemetry and external alerts, climbing the recursion when a level does
        not remedy them within its allowance. Running signals first, then those closed in the last 24 hours.
      </PageHeader>
      {rows.length === 0 ? (
        <EmptyState title="No signals">
          <p>No change has been confirmed in the telemetry received, and no alert is firing. Signals appear here as soon as one is.</p>
        </EmptyState>
      ) : (
        <>
          <p className="text-muted mb-3 text-sm">
            {running.length} running · {rows.length - running.length} closed in the last 24 hours
            {retracted > 0 ? (
              <>
                {" "}
                ·{" "}
                <Link href={withRetracted ? "/signals" : "/signals?retracted=show"} className="text-accent hover:underline">
                  {withRetracted
                    ? `hide the ${retracted} provisional signals the filter took back`
                    : `${retracted} provisional signals the filter took back, not listed`}
                </Link>
              </>
            ) : null}
          </p>
          <div className="bg-surface border-line overflow-x-auto rounded-md border">
            <table aria-label="Signals" className="w-full text-left text-sm">
              <thead className="text-muted border-line border-b text-xs">
                <tr>
                  {["Signal", "State", "Unit", "Held by", "Age", "Clock"].map((h) => (
                    <th key={h} scope="col" className="px-3 py-2 font-medium">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} className={`border-line border-b last:border-0 ${row.closed ? "text-muted" : ""}`}>
                    <td className="px-3 py-2">
                      <ValenceBadge valence={row.valence} band={row.band} />{" "}
                      <Link href={`/signals/${row.id}`} className="text-accent font-medium hover:underline">
                        {row.kind} on {row.indicator}
                      </Link>
                      {row.changes > 1 ? <span className="text-muted"> · {row.changes} changes</span> : null}
                    </td>
                    <td className="px-3 py-2">
                      {row.state}
                      {row.hiddenBy ? <span className="text-muted block text-xs">hidden: {row.hiddenBy}</span> : null}
                    </td>
                    <td className="px-3 py-2 font-mono text-xs">{row.unitPath}</td>
                    <td className="px-3 py-2 font-mono text-xs">
                      {row.holder.path} <span className="text-muted font-sans">(level {row.holder.level})</span>
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap tabular-nums">{row.age}</td>
                    <td className="px-3 py-2">{row.clock}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
