import "server-only";
import type { Database } from "@/lib/store/database";
import { summariseOverview, type Overview, type OverviewSystem } from "@/lib/view/overview";

/** The whole recursion with what each system has, for the overview page. */
export async function getOverview(db: Pick<Database, "prisma">): Promise<Overview> {
  const rows = await db.prisma.system.findMany({
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
  return summariseOverview(systems);
}
