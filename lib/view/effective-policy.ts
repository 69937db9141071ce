import { ancestorPaths } from "@/lib/vsm/model/path";
import { resolvePolicy, type Policy } from "@/lib/vsm/policy";

/**
 * Each system's effective policy from systems already read (a model file's, or rows with their
 * `policy` column) (docs/domain.md, "S5 policy"): the overrides of the root down to the system,
 * merged — what lib/signals/ladder-policy.ts reads from the database itself. Resolved on first use and kept, since resolving
 * validates the whole policy and most pages need few systems' policies.
 */
export function effectivePolicyOf(systems: readonly { path: string; policy?: unknown }[]): (path: string) => Policy {
  const overrides = new Map(systems.map((s) => [s.path, s.policy ?? {}]));
  const resolved = new Map<string, Policy>();
  return (path) => {
    let policy = resolved.get(path);
    if (policy === undefined) {
      policy = resolvePolicy([...ancestorPaths(path).reverse(), path].map((p) => overrides.get(p) ?? {}));
      resolved.set(path, policy);
    }
    return policy;
  };
}
