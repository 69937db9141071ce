import type { Metadata } from "next";
import { connection } from "next/server";
import { PartialAccess } from "@/components/auth/partial-access";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { FindingList } from "@/components/vsm/finding-list";
import { requestTime } from "@/lib/clock";
import { requirePageActor } from "@/lib/auth/page-actor";
import { permits } from "@/lib/auth/permissions";
import { getDatabase } from "@/lib/db";
import { diagnoseStored } from "@/lib/store/stored-diagnosis";
import { listUnassigned, unassignedTotals } from "@/lib/store/unassigned-points";
import { unassignedSections } from "@/lib/view/unassigned";
import { UnassignedTelemetry } from "./unassigned-telemetry";

export const metadata: Metadata = { title: "Diagnosis" };

/** Names listed per source: enough to act on; the sentence still counts them all. */
const NAMES_PER_SOURCE = 50;

export default async function DiagnosisPage() {
  await connection();
  const { actor, scopes } = await requirePageActor();
  const db = await getDatabase();
  const now = requestTime();
  // The diagnosis is of whole trees, shown to those who may read the tree's root; unassigned
  // telemetry belongs to no unit, so only readers of the whole model see it (docs/access.md).
  const whole = scopes.includes("");
  const [all, totals] = await Promise.all([diagnoseStored(db, now), whole ? unassignedTotals(db.sql) : []]);
  const diagnoses = all.filter((d) => permits(actor, "read", d.root));
  const names = new Map(
    await Promise.all(
      totals.map(async (t) => [t.source, await listUnassigned(db.sql, { source: t.source, limit: NAMES_PER_SOURCE })] as const),
    ),
  );
  return (
    <>
      <PageHeader title="Diagnosis">
        A structural check of the model at every recursion level: missing functions and channels, a broken algedonic path to the root, units
        without indicators or owners. Judged from the stored data: indicators that have stopped reporting for five of their usual intervals
        (once an indicator has reported); sibling units S2 coordinates that oscillate on an indicator they share, alone or taking turns in
        anti-phase, over the last 6 hours (at most each series&apos; latest 1,440 points); and an indicator that drifts from its{" "}
        <code>-audit</code> series by more than its unit&apos;s S3* audit tolerance over the last 24 hours. Last, telemetry that named a
        unit or indicator the model lacks.
      </PageHeader>
      {diagnoses.length === 0 && !whole ? (
        <PartialAccess what="The diagnosis" scopes={scopes} />
      ) : diagnoses.length === 0 ? (
        <EmptyState title="No model to diagnose">
          <p>Import a model first; see the Overview.</p>
        </EmptyState>
      ) : (
        diagnoses.map((d) => (
          <section key={d.root} aria-labelledby={`diagnosis-${d.root}`} className="mb-8">
            <h2 id={`diagnosis-${d.root}`} className="mb-1 text-lg font-semibold">
              {d.rootName}
            </h2>
            <p className="text-muted mb-3 text-sm">
              {d.systemCount} systems checked ·{" "}
              {d.findings.length === 0 ? "no problems found" : `${d.findings.length} finding${d.findings.length === 1 ? "" : "s"}`}
            </p>
            {d.findings.length > 0 ? <FindingList findings={d.findings} label={`Findings for ${d.rootName}`} /> : null}
          </section>
        ))
      )}
      {whole ? <UnassignedTelemetry sections={unassignedSections(totals, names)} /> : null}
    </>
  );
}
