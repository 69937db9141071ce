/**
 * The closed vocabularies of the recursive model (docs/design.md §3). They mirror the database enums
 * and the model-file schema, but are declared here so that the domain core stands alone.
 */

/** S2–S5. S1 is not a function of a system: it is the system's children. */
export const FUNCTION_KINDS = ["s2", "s3", "s3star", "s4", "s5"] as const;
export type FunctionKind = (typeof FUNCTION_KINDS)[number];

export const FUNCTION_LABELS: Readonly<Record<FunctionKind, string>> = {
  s2: "S2 coordination",
  s3: "S3 control",
  s3star: "S3* audit",
  s4: "S4 intelligence",
  s5: "S5 policy",
};

export const CHANNEL_KINDS = ["command", "resource_bargain", "coordination", "audit", "homeostat", "algedonic", "environment"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** Channels whose far end is always one S1 unit of the system. */
export const UNIT_CHANNEL_KINDS = ["command", "resource_bargain", "coordination", "audit", "algedonic"] as const;
export type UnitChannelKind = (typeof UNIT_CHANNEL_KINDS)[number];

/** Which series of an indicator the filter follows: one of the three ratios or the raw actuality. */
export const INDEX_KINDS = ["productivity", "latency", "performance", "raw"] as const;
export type IndexKind = (typeof INDEX_KINDS)[number];

/** Operational indicators measure a unit's S1 work; environment indicators belong to its S4. */
export const INDICATOR_SCOPES = ["operations", "environment"] as const;
export type IndicatorScope = (typeof INDICATOR_SCOPES)[number];
