import type { ModelFile } from "@/lib/model-file/schemas";
import { ancestorPaths } from "@/lib/vsm/model/path";
import { resolvePolicy, type Policy } from "@/lib/vsm/policy";

/**
 * Each system's effective policy as the model holds it (docs/domain.md, "S5 policy"): the overrides
 * of the root down to the system, merged — what lib/signals/ladder-policy.ts reads from the
 * database, here from a model already read. Resolved on first use and kept, since resolving
 * validates the whole policy and most pages need few systems' policies.
 */
export function effectivePolicyOf(model: ModelFile): (path: string) => Policy {
  const overrides = new Map(model.systems.map((s) => [s.path, s.policy ?? {}]));
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
