import type { Metadata } from "next";
import { connection } from "next/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { FindingList } from "@/components/vsm/finding-list";
import { getDatabase } from "@/lib/db";
import { exportModel } from "@/lib/store/model-export";
import { diagnoseModel } from "@/lib/view/diagnose-model";

export const metadata: Metadata = { title: "Diagnosis" };

export default async function DiagnosisPage() {
  await connection();
  const diagnoses = diagnoseModel(await exportModel(await getDatabase()));
  return (
    <>
      <PageHeader title="Diagnosis">
        A structural check of the model at every recursion level: missing functions and channels, a broken algedonic path to the root, units
        without indicators or owners. Silent indicators are not judged yet: that needs telemetry, which this version does not ingest.
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
    </>
  );
}
