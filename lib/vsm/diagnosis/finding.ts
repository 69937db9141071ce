import type { Severity } from "@/lib/vsm/diagnosis/severity";
import type { ChannelKind, FunctionKind } from "@/lib/vsm/model/kinds";
import type { Valence } from "@/lib/vsm/types";

export const DIAGNOSIS_RULES = [
  "missing-function",
  "unowned-function",
  "unowned-system",
  "missing-channel",
  "broken-algedonic-chain",
  "missing-environment-link",
  "unmeasured-unit",
  "silent-indicator",
  "silent-unit",
  // Judged from the stored series (docs/domain.md, "Diagnosis from the data").
  "oscillating-unit",
  "anti-phase-units",
  "audit-drift",
] as const;
export type DiagnosisRule = (typeof DIAGNOSIS_RULES)[number];

/**
 * One finding of the diagnosis (docs/design.md §3.7). `path` and `level` name the system where the
 * fix belongs — for a missing channel that is the system holding it, with `unit` naming the S1 unit
 * at the far end; for two siblings swinging in anti-phase, the system whose S2 should damp them,
 * with both in `units`. A silent S1 is pain, so it carries a valence the algedonic layer can raise.
 */
export interface Finding {
  readonly rule: DiagnosisRule;
  readonly severity: Severity;
  readonly level: number;
  readonly path: string;
  readonly function?: FunctionKind;
  readonly channel?: ChannelKind;
  readonly unit?: string;
  readonly units?: readonly string[];
  readonly indicator?: string;
  readonly valence?: Valence;
  readonly message: string;
  readonly hint: string;
}
