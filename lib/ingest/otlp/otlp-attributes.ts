import type { OtlpKeyValue } from "./otlp-request-schema";

/**
 * Attribute values in OTLP are AnyValue: `{ stringValue }`, `{ intValue }` (a string from protobuf,
 * often a number from OTel-JS' JSON), `{ arrayValue: { values } }`, … For a series' identity they
 * are turned into one canonical string, the same for both encodings, so a counter keeps its
 * identity whichever way the sender encodes it. Nesting deeper than MAX_DEPTH is cut: identity
 * does not need it, and a hostile depth must not overflow the stack.
 */
const MAX_DEPTH = 8;

export type StringAttribute = { found: false } | { found: true; value: string } | { found: true; value: null };

/** A string attribute: not found, found with a string, or found with something else (value null). */
export function stringAttribute(attributes: readonly OtlpKeyValue[], key: string): StringAttribute {
  const entry = attributes.find((attribute) => attribute.key === key);
  if (entry === undefined) return { found: false };
  const value = isRecord(entry.value) ? entry.value.stringValue : undefined;
  return { found: true, value: typeof value === "string" ? value : null };
}

export function canonicalAttributes(attributes: readonly OtlpKeyValue[], depth = 0): Record<string, string> {
  const canonical: Record<string, string> = {};
  for (const { key, value } of attributes) canonical[key] = canonicalValue(value, depth);
  return canonical;
}

function canonicalValue(value: unknown, depth: number): string {
  if (!isRecord(value)) return "";
  if (depth >= MAX_DEPTH) return "…";
  for (const scalar of ["stringValue", "boolValue", "intValue", "doubleValue", "bytesValue"] as const) {
    if (scalar in value) return String(value[scalar]);
  }
  const array = isRecord(value.arrayValue) ? value.arrayValue.values : undefined;
  if (Array.isArray(array)) return `[${array.map((item) => canonicalValue(item, depth + 1)).join(",")}]`;
  const list = isRecord(value.kvlistValue) ? value.kvlistValue.values : undefined;
  if (Array.isArray(list)) {
    const pairs = list.filter(isRecord).map((pair) => `${String(pair.key)}=${canonicalValue(pair.value, depth + 1)}`);
    return `{${pairs.sort().join(",")}}`;
  }
  return "";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
