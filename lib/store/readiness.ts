import "server-only";
import { classifyDatabaseError } from "@/lib/store/db-errors";
import type { Database } from "@/lib/store/database";
import { MigrationError, migrationStatus } from "@/lib/store/migrate";

export interface ReadinessCheck {
  ok: boolean;
  /** Why not, in words safe to publish: never a host, role, connection string or raw error. */
  reason?: string;
}

export interface Readiness {
  ready: boolean;
  checks: {
    database: ReadinessCheck;
    migrations: ReadinessCheck & { applied?: number; pending?: number };
  };
  /** The raw failure, for the server's log only: it may name hosts, roles or SQL. */
  error?: unknown;
}

/** Ready means: the database answers and every migration in the repository is applied. */
export async function checkReadiness(db: Database): Promise<Readiness> {
  try {
    await db.sql.query("SELECT 1");
  } catch (error) {
    return {
      ready: false,
      checks: { database: { ok: false, reason: describeConnectionFailure(error) }, migrations: { ok: false, reason: "not checked" } },
      error,
    };
  }
  const database = { ok: true };
  try {
    const status = await migrationStatus(db.sql);
    const pending = status.pending.length;
    return {
      ready: pending === 0,
      checks: {
        database,
        migrations: {
          ok: pending === 0,
          applied: status.applied.length,
          pending,
          ...(pending > 0 ? { reason: `migrations pending: ${pending}` } : {}),
        },
      },
    };
  } catch (error) {
    const reason = error instanceof MigrationError ? "migration history needs repair (see the server log)" : "migration status unreadable";
    return { ready: false, checks: { database, migrations: { ok: false, reason } }, error };
  }
}

function describeConnectionFailure(error: unknown): string {
  switch (classifyDatabaseError(error)) {
    case "unreachable":
      return "database unreachable";
    case "access_denied":
      return "database refused the connection";
    default:
      return "database check failed";
  }
}
