import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { FunctionKind } from "@/lib/vsm/model/kinds";
import { buildTree, type TreeNode } from "@/lib/model/system-tree";

export interface OverviewSystem {
  id: number;
  parentId: number | null;
  path: string;
  level: number;
  name: string;
  purpose: string;
  owner: string | null;
  functions: Record<FunctionKind, boolean>;
  indicatorCount: number;
}

export interface Overview {
  systemCount: number;
  levelCount: number;
  indicatorCount: number;
  roots: TreeNode<OverviewSystem>[];
}

/** The whole recursion with what each system has, for the overview page. */
export async function getOverview(prisma: PrismaClient): Promise<Overview> {
  const rows = await prisma.system.findMany({
    orderBy: [{ level: "asc" }, { name: "asc" }],
    select: {
      id: true,
      parentId: true,
      path: true,
      level: true,
      name: true,
      purpose: true,
      owner: true,
      functions: { select: { kind: true, present: true } },
      _count: { select: { indicators: true } },
    },
  });
  const systems = rows.map(({ functions, _count, ...system }): OverviewSystem => {
    const present = new Set(functions.filter((f) => f.present).map((f) => f.kind));
    return {
      ...system,
      functions: {
        s2: present.has("s2"),
        s3: present.has("s3"),
        s3star: present.has("s3star"),
        s4: present.has("s4"),
        s5: present.has("s5"),
      },
      indicatorCount: _count.indicators,
    };
  });
  return {
    systemCount: systems.length,
    levelCount: new Set(systems.map((s) => s.level)).size,
    indicatorCount: systems.reduce((sum, s) => sum + s.indicatorCount, 0),
    roots: buildTree(systems),
  };
}
