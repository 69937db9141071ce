import type { SqlRunner } from "@/lib/store/sql-runner";
import type { ColumnShape, SchemaShape } from "@/lib/testing/schema-shape";

/**
 * What a migrated database looks like, read from pg_catalog in the same shape. A partitioned table
 * is read as its parent: partitions (and the indexes and foreign keys they inherit) are storage
 * the migrations manage, not part of the schema Prisma describes.
 */

/** Reduces `pg_get_expr` output to the canonical form `columnDefault` produces. */
function canonicalDefault(expr: string | null): string | null {
  if (expr === null) return null;
  if (/^nextval\(/i.test(expr)) return "autoincrement()";
  if (/^(CURRENT_TIMESTAMP|now\(\))$/i.test(expr)) return "now()";
  // A literal, usually cast (`'raw'::index_kind`, `''::text`, `'-1'::integer`): keep its value.
  const literal = /^'((?:[^']|'')*)'(?:::[a-z0-9_ ."]+(?:\[\])?)?$/i.exec(expr);
  if (literal) return (literal[1] ?? "").replaceAll("''", "'");
  return expr;
}

const ACTION_CODES: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

// Catalog `name` and `"char"` columns are cast to text so both drivers return plain strings.
const COLUMNS_SQL = `
SELECT c.relname::text AS table_name, a.attname::text AS column_name,
       CASE WHEN t.typtype = 'e' THEN t.typname::text
            WHEN et.typtype = 'e' THEN et.typname::text || '[]'
            ELSE format_type(a.atttypid, a.atttypmod) END AS data_type,
       NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS default_expr
  FROM pg_attribute a
  JOIN pg_class c ON c.oid = a.attrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_type t ON t.oid = a.atttypid
  LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> '_prisma_migrations'
   AND a.attnum > 0 AND NOT a.attisdropped
 ORDER BY 1, a.attnum`;

const INDEXES_SQL = `
SELECT t.relname::text AS table_name, i.relname::text AS index_name, ix.indisprimary AS is_primary,
       ix.indisunique AS is_unique, am.amname::text AS method,
       ARRAY(SELECT CASE WHEN k.attnum = 0 THEN '(expression)'
                         ELSE a.attname::text || CASE WHEN ix.indoption[k.ord - 1] & 1 = 1 THEN ' DESC' ELSE '' END END
               FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
               LEFT JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum
              WHERE k.ord <= ix.indnkeyatts ORDER BY k.ord)::text[] AS columns
  FROM pg_index ix
  JOIN pg_class i ON i.oid = ix.indexrelid
  JOIN pg_class t ON t.oid = ix.indrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace
  JOIN pg_am am ON am.oid = i.relam
 WHERE n.nspname = 'public' AND NOT t.relispartition AND t.relname <> '_prisma_migrations'
   -- Partial indexes (WHERE …) have no schema.prisma form: they live in the migrations only.
   AND ix.indpred IS NULL`;

const KEY_COLUMNS = (keys: string, rel: string) => `
       ARRAY(SELECT a.attname::text FROM unnest(c.${keys}) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = c.${rel} AND a.attnum = k.attnum ORDER BY k.ord)::text[]`;

const FOREIGN_KEYS_SQL = `
SELECT t.relname::text AS table_name, c.conname::text AS name, r.relname::text AS ref_table,
       ${KEY_COLUMNS("conkey", "conrelid")} AS columns, ${KEY_COLUMNS("confkey", "confrelid")} AS ref_columns,
       c.confdeltype::text AS on_delete, c.confupdtype::text AS on_update
  FROM pg_constraint c
  JOIN pg_class t ON t.oid = c.conrelid
  JOIN pg_class r ON r.oid = c.confrelid
  JOIN pg_namespace n ON n.oid = t.relnamespace
 WHERE c.contype = 'f' AND n.nspname = 'public' AND NOT t.relispartition`;

const ENUMS_SQL = `
SELECT t.typname::text AS name,
       ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)::text[] AS labels
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
 WHERE t.typtype = 'e' AND n.nspname = 'public'`;

export async function actualSchema(sql: SqlRunner): Promise<SchemaShape> {
  const shape: SchemaShape = { tables: new Map(), indexes: new Map(), foreignKeys: new Map(), enums: new Map() };
  type ColumnRow = { table_name: string; column_name: string; data_type: string; nullable: boolean; default_expr: string | null };
  for (const row of await sql.query<ColumnRow>(COLUMNS_SQL)) {
    const columns = shape.tables.get(row.table_name) ?? new Map<string, ColumnShape>();
    // Prisma Migrate compares an array column's arity, not its nullability, so NOT NULL on one is no drift.
    const nullable = row.nullable || row.data_type.endsWith("[]");
    columns.set(row.column_name, { type: row.data_type, nullable, default: canonicalDefault(row.default_expr) });
    shape.tables.set(row.table_name, columns);
  }
  type IndexRow = { table_name: string; index_name: string; is_primary: boolean; is_unique: boolean; method: string; columns: string[] };
  for (const row of await sql.query<IndexRow>(INDEXES_SQL)) {
    const kind = row.is_primary ? "primary key" : row.is_unique ? "unique index" : "index";
    shape.indexes.set(`${row.table_name}.${row.index_name}`, { kind, columns: row.columns, method: row.method });
  }
  type ForeignKeyRow = {
    table_name: string;
    name: string;
    ref_table: string;
    columns: string[];
    ref_columns: string[];
    on_delete: string;
    on_update: string;
  };
  for (const row of await sql.query<ForeignKeyRow>(FOREIGN_KEYS_SQL)) {
    shape.foreignKeys.set(`${row.table_name}.${row.name}`, {
      columns: row.columns,
      refTable: row.ref_table,
      refColumns: row.ref_columns,
      onDelete: ACTION_CODES[row.on_delete] ?? row.on_delete,
      onUpdate: ACTION_CODES[row.on_update] ?? row.on_update,
    });
  }
  for (const row of await sql.query<{ name: string; labels: string[] }>(ENUMS_SQL)) shape.enums.set(row.name, row.labels);
  return shape;
}

// ---------------------------------------------------------------- comparison
