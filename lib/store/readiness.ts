import "server-only";
import type { Database } from "@/lib/store/database";
import { migrationStatus } from "@/lib/store/migrate";

export interface Readiness {
  ready: boolean;
  database: { kind: Database["kind"]; location: string; reachable: boolean; error?: string };
  migrations?: { applied: number; pending: string[] };
}

/** Ready means: the database answers and every migration in the repository is applied. */
export async function checkReadiness(db: Database): Promise<Readiness> {
  const database = { kind: db.kind, location: db.location };
  try {
    await db.sql.query("SELECT 1");
  } catch (error) {
    return { ready: false, database: { ...database, reachable: false, error: (error as Error).message } };
  }
  try {
    const status = await migrationStatus(db.sql);
    return {
      ready: status.pending.length === 0,
      database: { ...database, reachable: true },
      migrations: { applied: status.applied.length, pending: status.pending },
    };
  } catch (error) {
    return { ready: false, database: { ...database, reachable: true, error: (error as Error).message } };
  }
}
