import type { Metadata } from "next";
import { connection } from "next/server";
import { PartialAccess } from "@/components/auth/partial-access";
import { EmptyState } from "@/components/ui/empty-state";
import { LiveUpdates } from "@/components/live/live-updates";
import { PageHeader } from "@/components/ui/page-header";
import { requestTime } from "@/lib/clock";
import { requirePageActor } from "@/lib/auth/page-actor";
import { permits } from "@/lib/auth/permissions";
import { getDatabase } from "@/lib/db";
import { readVarietyWindow } from "@/lib/store/variety-window";
import { formatInstant, WINDOW_CHOICES, windowChoice, windowEnding } from "@/lib/view/variety-window";
import { varietyReport } from "@/lib/view/variety-report";
import { TreeVarietySection } from "./tree-variety-section";
import { WindowChoices } from "./window-choices";

export const metadata: Metadata = { title: "Variety" };

export default async function VarietyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const { actor, scopes } = await requirePageActor();
  const choice = windowChoice((await searchParams).window);
  const window = windowEnding(choice, requestTime());
  const db = await getDatabase();
  const report = varietyReport(await readVarietyWindow(db.sql, window));
  // Variety is measured over whole trees: a tree is shown to those who may read its root (docs/access.md).
  const trees = report.trees.filter((tree) => permits(actor, "read", tree.root.path));
  const partial = !scopes.includes("");
  const label = WINDOW_CHOICES[choice].label;
  return (
    <>
      <PageHeader title="Variety" aside={<LiveUpdates kinds="variety" />}>
        Ashby&apos;s requisite variety in bits, measured from the stored signals: the disturbance variety H(D) reaching each system against
        the regulatory variety H(R) it applied, where each recursion level absorbs or amplifies variety, and how operators&apos; attention
        divides between S3 and S4.
      </PageHeader>
      <WindowChoices current={choice} />
      <p className="text-muted mb-6 text-sm">
        The {label}: from {formatInstant(window.from)} to {formatInstant(window.to)}.
      </p>
      {trees.length === 0 && partial ? (
        <PartialAccess what="Variety" scopes={scopes} />
      ) : report.empty ? (
        <EmptyState title="No variety measured">
          <p>
            No signal was raised, responded to or attended to in the {label}, so there is nothing to measure — no figures are shown rather
            than invented ones. Try a longer window, or see the Signals page.
          </p>
        </EmptyState>
      ) : (
        trees.map((tree) => <TreeVarietySection key={tree.root.path} tree={tree} window={label} />)
      )}
    </>
  );
}
