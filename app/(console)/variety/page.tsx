import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Variety" };

export default function VarietyPage() {
  return (
    <>
      <PageHeader title="Variety">
        Ashby&apos;s requisite variety in bits: disturbance variety H(D) reaching each system against the regulatory variety H(R) it
        applies.
      </PageHeader>
      <EmptyState title="No variety measured">
        <p>
          Variety is measured from disturbances and responses over time. This version records no disturbances yet, so there is nothing to
          measure — no figures are shown rather than invented ones.
        </p>
      </EmptyState>
    </>
  );
}
