import "server-only";
import { policyOverridesAlong } from "@/lib/store/signals";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { ancestorPaths } from "@/lib/vsm/model/path";
import { resolvePolicy, type Policy } from "@/lib/vsm/policy";

/**
 * The effective policy of each level above and at a unit (docs/domain.md, "S5 policy"): level n's
 * is the overrides of the root down to the system at level n, merged. An escalation then works
 * under the policy of the level that receives it.
 */
export async function ladderPolicyFor(sql: Pick<SqlRunner, "query">, unitPath: string): Promise<(level: number) => Policy> {
  const rootFirst = [...ancestorPaths(unitPath).reverse(), unitPath];
  const overrides = await policyOverridesAlong(sql, rootFirst);
  const byLevel = rootFirst.map((_, level) => resolvePolicy(rootFirst.slice(0, level + 1).map((path) => overrides.get(path) ?? {})));
  return (level) => {
    const policy = byLevel[level];
    if (policy === undefined) throw new RangeError(`${unitPath} has no level ${level}`);
    return policy;
  };
}
