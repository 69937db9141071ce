import type { Finding } from "@/lib/vsm/diagnosis/finding";
import type { ChannelKind, FunctionKind } from "@/lib/vsm/model/kinds";
import { hasFunction, type ViableSystem } from "@/lib/vsm/model/system";

/**
 * The channels each S1 unit needs to its containing system, and the function at the system's end
 * of each. Where that function is missing, its own finding is the one to fix (adding it brings the
 * channels), so the channels are not reported again. The algedonic channel is checked separately:
 * it is the path pain takes to the root and must not depend on any one function.
 */
const UNIT_CHANNELS: readonly { kind: ChannelKind; needs: FunctionKind; purpose: string }[] = [
  { kind: "command", needs: "s3", purpose: "S3 cannot pass instructions down to it" },
  { kind: "resource_bargain", needs: "s3", purpose: "it cannot bargain with S3 for resources" },
  { kind: "coordination", needs: "s2", purpose: "S2 cannot damp its oscillation against its siblings" },
  { kind: "audit", needs: "s3star", purpose: "S3* cannot check what it reports" },
];

const LABEL: Record<ChannelKind, string> = {
  command: "command",
  resource_bargain: "resource-bargain",
  coordination: "coordination",
  audit: "audit",
  homeostat: "homeostat",
  algedonic: "algedonic",
  environment: "environment",
};

function has(system: ViableSystem, kind: ChannelKind, unit?: string): boolean {
  return system.channels.some((c) => c.kind === kind && c.unit === unit);
}

/** Missing command, resource-bargain, coordination and audit channels to each S1 unit, and a missing homeostat. */
export function channelFindings(system: ViableSystem, units: readonly string[]): Finding[] {
  const { path, level } = system;
  const findings: Finding[] = [];
  for (const unit of units)
    for (const { kind, needs, purpose } of UNIT_CHANNELS) {
      if (!hasFunction(system, needs) || has(system, kind, unit)) continue;
      findings.push({
        rule: "missing-channel",
        severity: "warning",
        level,
        path,
        channel: kind,
        unit,
        message: `"${path}" has no ${LABEL[kind]} channel to its S1 unit "${unit}": ${purpose}.`,
        hint: `Add ${kind === "audit" ? "an" : "a"} ${kind} channel from "${path}" to "${unit}".`,
      });
    }
  // A leaf's S3 and S4 are roles recorded for it; their dialogue is below the model's resolution.
  if (units.length > 0 && hasFunction(system, "s3") && hasFunction(system, "s4") && !has(system, "homeostat"))
    findings.push({
      rule: "missing-channel",
      severity: "warning",
      level,
      path,
      channel: "homeostat",
      message: `"${path}" has S3 and S4 but no homeostat between them: inside-and-now and outside-and-then are never weighed against each other.`,
      hint: `Add a homeostat channel to "${path}" (e.g. a regular operating review where S3 and S4 meet).`,
    });
  return findings;
}

/**
 * Environment links: the root must face its environment, and a system that keeps environment
 * indicators (its S4's inputs) should say which environment link feeds them. The link is held by
 * the system itself (its S4's) or by its parent naming it as the unit (the unit's environment).
 */
export function environmentFindings(system: ViableSystem, parent: ViableSystem | undefined): Finding[] {
  const { path, level } = system;
  const own = system.channels.some((c) => c.kind === "environment" && c.unit === undefined);
  if (own || parent?.channels.some((c) => c.kind === "environment" && c.unit === path)) return [];
  const base = { rule: "missing-environment-link", level, path, channel: "environment" } as const;
  if (system.parent === null)
    return [
      {
        ...base,
        severity: "warning",
        message: `The root "${path}" has no environment link: the whole model is closed to the world it serves.`,
        hint: `Add an environment channel to "${path}" naming its customers, markets or regulators.`,
      },
    ];
  if (system.indicators.some((i) => i.scope === "environment"))
    return [
      {
        ...base,
        severity: "info",
        message: `"${path}" keeps environment indicators but has no environment link to say where they come from.`,
        hint: `Add an environment channel to "${path}" describing the environment its S4 watches.`,
      },
    ];
  return [];
}
