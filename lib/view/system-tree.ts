/** A system with its S1 units nested, built from flat rows (parent ids) for display. */
export type TreeNode<T extends { id: number; parentId: number | null }> = T & { units: TreeNode<T>[] };

/**
 * Nests rows under their parents, keeping the rows' order among siblings. Rows whose parent is
 * not among them become roots, so a partial read still renders.
 */
export function buildTree<T extends { id: number; parentId: number | null }>(rows: T[]): TreeNode<T>[] {
  const nodes = new Map<number, TreeNode<T>>(rows.map((row) => [row.id, { ...row, units: [] }]));
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    (parent ? parent.units : roots).push(node);
  }
  return roots;
}
