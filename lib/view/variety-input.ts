import type { Signal, Silence } from "@/lib/vsm/algedonic/schemas";
import type { TimeWindow } from "@/lib/vsm/time-window";

/**
 * What the variety of one window is computed from (docs/variety.md), as lib/store/variety-window.ts
 * reads it: plain rows, so the computation stays pure and testable without a database.
 */

/** A system: where it sits in the recursion, and its own policy override as stored (merged root first). */
export interface VarietySystem {
  id: number;
  parentId: number | null;
  path: string;
  level: number;
  name: string;
  policy: unknown;
}

/** Operations indicators belong to a unit's S1 work, environment ones to its S4 (prisma/schema.prisma). */
export type IndicatorScope = "operations" | "environment";

/** A signal with the scope of its indicator: null for an external alert, which has none. */
export interface WindowSignal {
  signal: Signal;
  scope: IndicatorScope | null;
}

export interface VarietyInput {
  window: TimeWindow;
  systems: readonly VarietySystem[];
  /**
   * Every signal that was raised before the window ended and was running within it, or that has a
   * timeline entry within it: those raised within the window are the disturbances, the others can
   * still inhibit them or carry responses and attention.
   */
  signals: readonly WindowSignal[];
  /** Silences that had not ended when the window began. */
  silences: readonly Silence[];
}
