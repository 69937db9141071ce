import { drainJournal } from "@/lib/pipeline/materialize-rollups";
import { journalBacklog } from "@/lib/store/rollup-journal";
import type { SqlRunner } from "@/lib/store/sql-runner";

/**
 * Folds the whole roll-up journal, waiting out any other pipeline's fold that holds the lock, for
 * a test that is about to read the "rollup" table itself.
 */
export async function settleRollups(sql: SqlRunner): Promise<void> {
  for (let tries = 0; tries < 500; tries += 1) {
    await drainJournal(sql);
    if ((await journalBacklog(sql)) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the roll-up journal did not empty in 5 s");
}
