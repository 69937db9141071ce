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
] as const;
export type DiagnosisRule = (typeof DIAGNOSIS_RULES)[number];

/**
 * One structural finding (docs/design.md §3.7). `path` and `level` name the system where the fix
 * belongs — for a missing channel that is the system holding it, with `unit` naming the S1 unit
 * at the far end. A silent S1 is pain, so it carries a valence the algedonic layer can raise.
 */
export interface Finding {
  readonly rule: DiagnosisRule;
  readonly severity: Severity;
  readonly level: number;
  readonly path: string;
  readonly function?: FunctionKind;
  readonly channel?: ChannelKind;
  readonly unit?: string;
  readonly indicator?: string;
  readonly valence?: Valence;
  readonly message: string;
  readonly hint: string;
}
