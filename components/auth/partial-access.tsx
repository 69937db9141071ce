import { EmptyState } from "@/components/ui/empty-state";

/**
 * What a whole-tree page (Variety, Diagnosis) shows for the trees a reader sees only part of: the
 * measures are computed over a whole recursion tree, and showing them would reveal the parts
 * outside the reader's subtrees.
 */
export function PartialAccess({ what, scopes }: { what: string; scopes: readonly string[] }) {
  if (scopes.length === 0) {
    return (
      <EmptyState title="No role yet">
        <p>Your account has no role on any part of the model. Ask an admin to grant you one.</p>
      </EmptyState>
    );
  }
  return (
    <EmptyState title={`${what} for whole trees only`}>
      <p>
        {what} is measured over a whole recursion tree. Your roles cover {scopes.map((s) => `“${s}”`).join(", ")}; a viewer role on the
        tree&apos;s root shows it here. The Overview and Signals pages show your subtrees.
      </p>
    </EmptyState>
  );
}
