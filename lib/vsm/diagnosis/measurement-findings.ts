import type { Finding } from "@/lib/vsm/diagnosis/finding";
import type { ViableSystem } from "@/lib/vsm/model/system";

/**
 * A system with no operational indicator cannot raise a signal about its own work: the filter
 * has nothing to watch. Environment indicators do not count, as they are S4's view outward.
 */
export function measurementFindings(system: ViableSystem): Finding[] {
  const { path, level, indicators } = system;
  if (indicators.some((i) => i.scope === "operations")) return [];
  const only = indicators.length === 0 ? "no indicators" : "only environment indicators";
  return [
    {
      rule: "unmeasured-unit",
      severity: "warning",
      level,
      path,
      message: `"${path}" has ${only}: nothing measures its operations, so it can never signal pain or pleasure.`,
      hint: `Add at least one operational indicator to "${path}" (e.g. throughput, latency or error rate, with its good direction).`,
    },
  ];
}
