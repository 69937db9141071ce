import "server-only";
import type { SqlRunner } from "@/lib/store/sql-runner";
import type { FunctionKind } from "@/lib/vsm/model/kinds";

export interface SystemFunctionRow {
  systemId: number;
  kind: FunctionKind;
  present: boolean;
  owner: string | null;
  notes: string;
}

/**
 * Creates or updates S2–S5 of systems, matched by system and kind, in one statement. Enums travel
 * as text[] and are cast per element: PGlite serialises arrays only of built-in element types.
 */
export async function upsertSystemFunctions(tx: SqlRunner, rows: SystemFunctionRow[]): Promise<void> {
  await tx.query(
    `INSERT INTO "system_function" (system_id, kind, present, owner, notes)
     SELECT system_id, kind::function_kind, present, owner, notes
       FROM unnest($1::int[], $2::text[], $3::boolean[], $4::text[], $5::text[]) AS t(system_id, kind, present, owner, notes)
     ON CONFLICT (system_id, kind) DO UPDATE SET present = excluded.present, owner = excluded.owner, notes = excluded.notes`,
    [rows.map((r) => r.systemId), rows.map((r) => r.kind), rows.map((r) => r.present), rows.map((r) => r.owner), rows.map((r) => r.notes)],
  );
}
