/**
 * Proves `schema.prisma` and the hand-written migrations describe the same database, standing in
 * for `prisma migrate diff`, which needs a native engine these machines cannot download. Both sides
 * are reduced to the same shape (tables, columns, indexes, foreign keys, enums, with the names
 * Prisma would give them) and compared; an empty list of differences means Prisma Migrate would
 * generate no migration. Features the check does not model make `expectedSchema` throw, so an
 * unsupported schema fails loudly instead of passing unchecked.
 */

export interface ColumnShape {
  /** As `format_type()` spells it, or the enum's type name. */
  type: string;
  nullable: boolean;
  /** Canonical default: `autoincrement()`, `now()`, a literal's value, an expression; null if none. */
  default: string | null;
}

export interface IndexShape {
  kind: "primary key" | "unique index" | "index";
  /** Key columns in order, `name DESC` where descending. */
  columns: string[];
  method: string;
}

export interface ForeignKeyShape {
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: string;
  onUpdate: string;
}

export interface SchemaShape {
  tables: Map<string, Map<string, ColumnShape>>;
  /** Keyed `table.name`, so a renamed index shows as one missing and one extra. */
  indexes: Map<string, IndexShape>;
  foreignKeys: Map<string, ForeignKeyShape>;
  enums: Map<string, string[]>;
}
