import type { ForeignKeyShape, IndexShape, SchemaShape } from "@/lib/testing/schema-shape";

const IN_SCHEMA = "in schema.prisma";
const IN_MIGRATIONS = "in the migrations";

/** Reports keys present on one side only, then calls `same` for keys on both. */
function compareKeys<T>(
  label: string,
  expected: Map<string, T>,
  actual: Map<string, T>,
  out: string[],
  same: (key: string, e: T, a: T) => void,
): void {
  for (const [key, e] of expected) {
    const a = actual.get(key);
    if (a === undefined) out.push(`${label} ${key}: ${IN_SCHEMA} but not ${IN_MIGRATIONS}`);
    else same(key, e, a);
  }
  for (const key of actual.keys()) {
    if (!expected.has(key)) out.push(`${label} ${key}: ${IN_MIGRATIONS} but not ${IN_SCHEMA}`);
  }
}

function differs(out: string[], what: string, e: string, a: string): void {
  if (e !== a) out.push(`${what} is ${e} ${IN_SCHEMA} but ${a} ${IN_MIGRATIONS}`);
}

const describeIndex = (i: IndexShape) => `${i.kind} (${i.columns.join(", ")})${i.method === "btree" ? "" : ` using ${i.method}`}`;
const describeForeignKey = (f: ForeignKeyShape) =>
  `(${f.columns.join(", ")}) -> ${f.refTable}(${f.refColumns.join(", ")}) ON DELETE ${f.onDelete} ON UPDATE ${f.onUpdate}`;
const describeDefault = (d: string | null) => (d === null ? "none" : JSON.stringify(d));

/** Human-readable differences, empty when schema.prisma and the migrated database agree. */
export function compareSchemas(expected: SchemaShape, actual: SchemaShape): string[] {
  const out: string[] = [];
  compareKeys("enum", expected.enums, actual.enums, out, (key, e, a) =>
    differs(out, `enum ${key}: value list`, `(${e.join(", ")})`, `(${a.join(", ")})`),
  );
  compareKeys("table", expected.tables, actual.tables, out, (table, e, a) =>
    compareKeys("column", prefixed(table, e), prefixed(table, a), out, (key, ec, ac) => {
      differs(out, `column ${key}: type`, ec.type, ac.type);
      differs(out, `column ${key}: nullability`, ec.nullable ? "NULL" : "NOT NULL", ac.nullable ? "NULL" : "NOT NULL");
      differs(out, `column ${key}: default`, describeDefault(ec.default), describeDefault(ac.default));
    }),
  );
  compareKeys("index", expected.indexes, actual.indexes, out, (key, e, a) =>
    differs(out, `index ${key}:`, describeIndex(e), describeIndex(a)),
  );
  compareKeys("foreign key", expected.foreignKeys, actual.foreignKeys, out, (key, e, a) =>
    differs(out, `foreign key ${key}:`, describeForeignKey(e), describeForeignKey(a)),
  );
  return out;
}

function prefixed<T>(table: string, map: Map<string, T>): Map<string, T> {
  return new Map([...map].map(([k, v]) => [`${table}.${k}`, v]));
}
