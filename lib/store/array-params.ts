import "server-only";

/**
 * Array parameters as PostgreSQL array literals, built in one pass. The batch statements send
 * thousands of elements per array (docs/design.md §5), and node-postgres quotes each one through
 * its general value converter and two regular-expression replaces, numbers included: a tenth of
 * the ingest path's CPU. The literal here means the same to the server — numbers, booleans and
 * NULL unquoted, strings quoted with `\` and `"` escaped — for flat arrays of those types; any
 * other parameter is left to the driver as it was.
 */
export function arrayLiteral(values: readonly unknown[]): string | undefined {
  let literal = "{";
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) literal += ",";
    if (value === null || value === undefined) literal += "NULL";
    // String() gives the shortest text that reads back as the same double (NaN and ±Infinity as float8 spells them).
    else if (typeof value === "number" || typeof value === "boolean") literal += String(value);
    else if (typeof value === "string") literal += quote(value);
    else return undefined;
  }
  return `${literal}}`;
}

const SPECIAL = /[\\"]/;
const SPECIALS = /[\\"]/g;

function quote(text: string): string {
  return SPECIAL.test(text) ? `"${text.replace(SPECIALS, "\\$&")}"` : `"${text}"`;
}

/** The parameters of one statement, flat arrays of plain values as literals. */
export function arrayParams(params: readonly unknown[]): unknown[] {
  return params.map((p) => (Array.isArray(p) ? (arrayLiteral(p) ?? p) : p));
}
