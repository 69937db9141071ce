import type { Metadata } from "next";
import { connection } from "next/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { FindingList } from "@/components/vsm/finding-list";
import { requestTime } from "@/lib/clock";
import { getDatabase } from "@/lib/db";
import { indicatorActivity } from "@/lib/store/indicator-activity";
import { exportModel } from "@/lib/store/model-export";
import { listUnassigned, unassignedTotals } from "@/lib/store/unassigned-points";
import { diagnoseModel } from "@/lib/view/diagnose-model";
import { unassignedSections } from "@/lib/view/unassigned";
import { UnassignedTelemetry } from "./unassigned-telemetry";

export const metadata: Metadata = { title: "Diagnosis" };

/** Names listed per source: enough to act on; the sentence still counts them all. */
const NAMES_PER_SOURCE = 50;

export default async function DiagnosisPage() {
  await connection();
  const db = await getDatabase();
  const [model, totals, activity] = await Promise.all([exportModel(db), unassignedTotals(db.sql), indicatorActivity(db.sql)]);
  const diagnoses = diagnoseModel(model, { now: requestTime(), activity });
  const names = new Map(
    await Promise.all(
      totals.map(async (t) => [t.source, await listUnassigned(db.sql, { source: t.source, limit: NAMES_PER_SOURCE })] as const),
    ),
  );
  return (
    <>
      <PageHeader title="Diagnosis">
        A structural check of the model at every recursion level: missing functions and channels, a broken algedonic path to the root, units
        without indicators or owners; indicators that have stopped reporting for five of their usual intervals (judged from the data once an
        indicator has reported); and telemetry that named a unit or indicator the model lacks.
      </PageHeader>
      {diagnoses.length === 0 ? (
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
              {d.findings.length === 0
                ? "no structural problems found"
                : `${d.findings.length} finding${d.findings.length === 1 ? "" : "s"}`}
            </p>
            {d.findings.length > 0 ? <FindingList findings={d.findings} label={`Findings for ${d.rootName}`} /> : null}
          </section>
        ))
      )}
      <UnassignedTelemetry sections={unassignedSections(totals, names)} />
    </>
  );
}
