import type { ChannelKind, FunctionKind, IndexKind, IndicatorScope } from "@/lib/vsm/model/kinds";
import type { Direction } from "@/lib/vsm/types";

/** One of S2–S5 as recorded for a system: present or missing, and who answers for it. */
export interface SystemFunction {
  readonly present: boolean;
  readonly owner?: string;
  readonly notes?: string;
}

/**
 * A channel held by a system. `unit` names the S1 unit (a direct child) at the far end; it is
 * absent for the S3↔S4 homeostat and for S4's own environment link.
 */
export interface Channel {
  readonly kind: ChannelKind;
  readonly unit?: string;
  readonly description?: string;
}

/** A named measure of one unit, with the good direction and the index the filter watches. */
export interface Indicator {
  readonly key: string;
  readonly name: string;
  readonly unit: string;
  readonly direction: Direction;
  readonly index: IndexKind;
  readonly scope: IndicatorScope;
  readonly family?: string;
  readonly capability?: number;
  readonly potentiality?: number;
}

/**
 * A node of the recursion (docs/design.md §3). `parent` and `level` follow from `path`; they are kept
 * because stored rows carry them, and validation checks that they agree. A function left out of
 * `functions` was never recorded, which diagnosis treats like one recorded as not present.
 */
export interface ViableSystem {
  readonly path: string;
  readonly name: string;
  readonly parent: string | null;
  readonly level: number;
  readonly purpose?: string;
  readonly owner?: string;
  readonly functions: Readonly<Partial<Record<FunctionKind, SystemFunction>>>;
  readonly channels: readonly Channel[];
  readonly indicators: readonly Indicator[];
}

/** Whether a system has the function, recorded as present. */
export function hasFunction(system: ViableSystem, kind: FunctionKind): boolean {
  return system.functions[kind]?.present === true;
}
