import type { FieldPath } from "@/lib/vsm/rules/ast";

/** Array elements are addressed by plain decimal indices only: `items.0`, never `items.length`. */
export const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

/**
 * The value at a dotted path, or undefined when any step is missing. Only own keys are read, so
 * `constructor` or `__proto__` in a rule can never reach the object's prototype.
 */
export function resolveField(value: unknown, field: FieldPath): unknown {
  let current = value;
  for (const segment of field) {
    if (Array.isArray(current)) {
      if (!ARRAY_INDEX.test(segment)) return undefined;
      current = current[Number(segment)] as unknown;
    } else if (typeof current === "object" && current !== null && Object.hasOwn(current, segment)) {
      current = (current as Record<string, unknown>)[segment];
    } else return undefined;
  }
  return current;
}
