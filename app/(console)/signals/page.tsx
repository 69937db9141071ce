import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Signals" };

export default function SignalsPage() {
  return (
    <>
      <PageHeader title="Signals">
        Algedonic signals — pain and pleasure raised from filtered telemetry, escalating up the recursion when a level does not remedy them
        within its autonomy allowance.
      </PageHeader>
      <EmptyState title="No signals">
        <p>
          This version stores the model but does not yet ingest telemetry or run the Cyberstride filter, so no signal can be raised. Nothing
          here is simulated.
        </p>
      </EmptyState>
    </>
  );
}
