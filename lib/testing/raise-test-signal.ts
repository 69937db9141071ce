import { raiseStoredSignal } from "@/lib/signals/raise-stored-signal";
import { systemByPath } from "@/lib/store/signals";
import type { SqlRunner } from "@/lib/store/sql-runner";
import type { Signal } from "@/lib/vsm/algedonic/schemas";

/**
 * An open pain step signal at `unitPath`, raised `at` and stored as the pipeline stores one (its
 * timeline, deadlines and stream events in one transaction), for tests that need a signal to act
 * on rather than telemetry that makes one.
 */
export async function raiseTestSignal(sql: SqlRunner, unitPath: string, at = Date.now(), indicator = "latency"): Promise<Signal> {
  const system = await systemByPath(sql, unitPath);
  if (system === null) throw new Error(`no system ${unitPath} to raise a test signal at`);
  return sql.transaction((tx) =>
    raiseStoredSignal(
      tx,
      { unitPath, indicator, kind: "step", valence: "pain", band: "alert", actor: { type: "system", component: "test" }, reason: "test" },
      { systemId: system.id, indicatorId: null, externalAlertId: null, labels: {} },
      at,
    ),
  );
}
