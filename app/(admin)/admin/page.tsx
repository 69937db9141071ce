import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Admin" };

export default function AdminPage() {
  return (
    <>
      <PageHeader title="Admin">Model structure and S5 policy.</PageHeader>
      <EmptyState title="No admin forms yet">
        <p>Editing the model in the browser is not part of this version. The model is managed with the command line:</p>
        <pre className="bg-canvas rounded p-3 text-left font-mono text-xs">
          {"npm run model -- export model.yaml\nnpm run model -- import model.yaml"}
        </pre>
      </EmptyState>
    </>
  );
}
