import "server-only";
import { systemsAlong } from "@/lib/store/signals";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { ancestorPaths } from "@/lib/vsm/model/path";
import { resolvePolicy, type Policy } from "@/lib/vsm/policy";

/**
 * The effective policy of each level above and at a unit (docs/domain.md, "S5 policy"): level n's
 * is the overrides of the root down to the system at level n, merged. An escalation then works
 * under the policy of the level that receives it.
 */
export async function ladderPolicyFor(sql: Pick<SqlRunner, "query">, unitPath: string): Promise<(level: number) => Policy> {
  return (await ladderPoliciesFor(sql, [unitPath])).get(unitPath)!;
}

/** ladderPolicyFor for several units, with one query for all of them: what a batch of many units needs. */
export async function ladderPoliciesFor(
  sql: Pick<SqlRunner, "query">,
  unitPaths: readonly string[],
): Promise<Map<string, (level: number) => Policy>> {
  return (await unitLadders(sql, unitPaths)).ladders;
}

/**
 * The ladders of these units and, read by the same statement, the units' system ids (a unit the
 * model no longer has is left out of `systemIds`): a batch raising signals needs both.
 */
export async function unitLadders(
  sql: Pick<SqlRunner, "query">,
  unitPaths: readonly string[],
): Promise<{ ladders: Map<string, (level: number) => Policy>; systemIds: Map<string, number> }> {
  const chains = new Map(unitPaths.map((path) => [path, [...ancestorPaths(path).reverse(), path]]));
  const systems = await systemsAlong(sql, [...new Set([...chains.values()].flat())]);
  const ladders = new Map<string, (level: number) => Policy>();
  const systemIds = new Map<string, number>();
  for (const [unitPath, rootFirst] of chains) {
    const id = systems.get(unitPath)?.id;
    if (id !== undefined) systemIds.set(unitPath, id);
    const byLevel = rootFirst.map((_, level) => resolved(rootFirst.slice(0, level + 1).map((path) => systems.get(path)?.policy ?? {})));
    ladders.set(unitPath, (level) => {
      const policy = byLevel[level];
      if (policy === undefined) throw new RangeError(`${unitPath} has no level ${level}`);
      return policy;
    });
  }
  return { ladders, systemIds };
}

/**
 * Effective policies by their chain of overrides: resolving validates the whole policy, which a
 * batch would otherwise repeat for every signal it touches; the same chain always resolves the
 * same, so it is done once per distinct chain (a model has few).
 */
const memo = new Map<string, Policy>();
const MEMO_LIMIT = 1_000;

function resolved(chain: unknown[]): Policy {
  const key = JSON.stringify(chain);
  let policy = memo.get(key);
  if (policy === undefined) {
    policy = resolvePolicy(chain);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, policy);
  }
  return policy;
}
