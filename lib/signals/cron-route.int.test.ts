import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseModel } from "@/lib/model-file/parse-model";
import { runCron } from "@/lib/signals/cron-route";
import { raiseStoredSignal } from "@/lib/signals/raise-stored-signal";
import { importModel } from "@/lib/store/model-import";
import { readSignal, systemByPath } from "@/lib/store/signals";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";
import { MINUTE } from "@/lib/vsm/types";

const SECRET = "a-long-enough-cron-secret";
const T0 = Date.UTC(2026, 10, 30, 9);

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await importModel(db, parseModel("version: 1\nsystems:\n  - { path: acme, name: Acme }\n  - { path: acme/ops, name: Ops }\n", "yaml"));
});
afterAll(() => db.drop());

const call = (authorization?: string) =>
  new Request("http://localhost/api/cron/deadlines", { headers: authorization === undefined ? {} : { authorization } });

describe("GET /api/cron/deadlines", () => {
  it("refuses every caller when no CRON_SECRET is set, and a caller without the secret", async () => {
    await expect(runCron(call(`Bearer ${SECRET}`), undefined, db, T0)).rejects.toMatchObject({ code: "forbidden" });
    for (const header of [undefined, "Bearer wrong-secret-of-some-length", `Basic ${SECRET}`, `Bearer ${SECRET}x`]) {
      await expect(runCron(call(header), SECRET, db, T0)).rejects.toMatchObject({ code: "unauthorized" });
    }
  });

  it("fires the due deadlines for a scheduler with the secret, once", async () => {
    const system = await systemByPath(db.sql, "acme/ops");
    const signal = await db.sql.transaction((tx) =>
      raiseStoredSignal(
        tx,
        {
          unitPath: "acme/ops",
          indicator: "alert",
          kind: "alert",
          valence: "pain",
          band: "alert",
          actor: { type: "system", component: "test" },
          reason: "r",
        },
        { systemId: system!.id, indicatorId: null, externalAlertId: null, labels: {} },
        T0,
      ),
    );
    // Level 1's default allowance is 2 hours.
    const response = await runCron(call(`Bearer ${SECRET}`), SECRET, db, T0 + 121 * MINUTE);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ fired: 1, obsolete: 0, waiting: 0 });
    expect(await readSignal(db.sql, signal.id)).toMatchObject({ state: "escalated", holderLevel: 0 });
    expect(await (await runCron(call(`Bearer ${SECRET}`), SECRET, db, T0 + 121 * MINUTE)).json()).toMatchObject({ fired: 0 });
  });
});
