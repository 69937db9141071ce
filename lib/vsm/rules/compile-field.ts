import type { CompareOp, FieldPath, Literal } from "@/lib/vsm/rules/ast";
import { ARRAY_INDEX } from "@/lib/vsm/rules/field-path";

type Getter = (value: unknown) => unknown;
export type ValueTest = (value: unknown) => boolean;

/** One accessor per segment, chosen once: an index step also reads objects keyed "0", "1", …. */
function step(segment: string): Getter {
  if (ARRAY_INDEX.test(segment)) {
    const index = Number(segment);
    return (value) => {
      if (Array.isArray(value)) return value[index] as unknown;
      return typeof value === "object" && value !== null && Object.hasOwn(value, segment)
        ? (value as Record<string, unknown>)[segment]
        : undefined;
    };
  }
  return (value) =>
    typeof value === "object" && value !== null && !Array.isArray(value) && Object.hasOwn(value, segment)
      ? (value as Record<string, unknown>)[segment]
      : undefined;
}

/** A getter for a dotted path, with the common one- and two-segment cases unrolled. */
export function compileGetter(field: FieldPath): Getter {
  const steps = field.map(step);
  const [first, second] = steps;
  if (steps.length === 1) return first!;
  if (steps.length === 2) return (value) => second!(first!(value));
  return (value) => {
    let current = value;
    for (const get of steps) {
      if (current === undefined) return undefined;
      current = get(current);
    }
    return current;
  };
}

const isScalar = (v: unknown): v is string | number | boolean => typeof v === "string" || typeof v === "number" || typeof v === "boolean";

/**
 * The comparison specialised to its operator and the literal's type at compile time, so matching
 * an event does no dispatch: e.g. `> 5` becomes `v => typeof v === "number" && v > 5`.
 */
export function compileTest(op: CompareOp, literal: Literal): ValueTest {
  if (op === "=") return (v) => v === literal;
  if (op === "!=") return (v) => isScalar(v) && v !== literal;
  if (typeof literal === "boolean") return () => false;
  const type = typeof literal;
  switch (op) {
    case ">":
      return (v) => typeof v === type && (v as typeof literal) > literal;
    case ">=":
      return (v) => typeof v === type && (v as typeof literal) >= literal;
    case "<":
      return (v) => typeof v === type && (v as typeof literal) < literal;
    case "<=":
      return (v) => typeof v === type && (v as typeof literal) <= literal;
  }
}
