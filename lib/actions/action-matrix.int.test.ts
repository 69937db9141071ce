import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { signalActions } from "@/lib/actions/signal-actions";
import type { ActionResult } from "@/lib/http/server-action";
import { parseModel } from "@/lib/model-file/parse-model";
import { importModel } from "@/lib/store/model-import";
import { readSignal } from "@/lib/store/signals";
import { ACTION_ACCESS, HOME_UNIT, MATRIX_ACTORS, MATRIX_CALLERS, OTHER, type MatrixActor } from "@/lib/testing/access-matrix";
import { raiseTestSignal } from "@/lib/testing/raise-test-signal";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/test-database";

/**
 * The server actions' rows of the authorization matrix (lib/testing/access-matrix.ts): each
 * signal action the page exports, run exactly as the page runs it but as each of the matrix's
 * callers, on a fresh signal of HOME's unit. An allowed caller's action takes effect; a refused
 * one gets a sentence and leaves the signal as it was.
 */
const PAGE = "app/(console)/signals/[id]/actions.ts";
const ACTIONS = { acknowledgeAction: "acknowledge", resolveAction: "resolve", noteAction: "note", silenceAction: "silence" } as const;

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await importModel(
    db,
    parseModel(
      `version: 1
systems:
  - { path: acme, name: Acme }
  - { path: acme/payments, name: Payments }
  - { path: ${HOME_UNIT}, name: API }
  - { path: ${OTHER}, name: Platform }
`,
      "yaml",
    ),
  );
});
afterAll(() => db.drop());

/** The matrix's caller as the action wrapper sees it: API keys are actors too, just never signed in. */
function actorOf(caller: MatrixActor): Actor {
  const who = MATRIX_CALLERS[caller];
  if (who.kind === "anonymous") return { kind: "anonymous" };
  if (who.kind === "key") return { kind: "api_key", keyId: `key-${caller}`, role: who.role, scope: who.scope };
  return {
    kind: "user",
    userId: `u-${caller}`,
    email: `${caller.toLowerCase()}@acme.example`,
    name: caller,
    grants: [{ role: who.role, scope: who.scope }],
  };
}

async function freshSignal(): Promise<string> {
  return (await raiseTestSignal(db.sql, HOME_UNIT)).id;
}

async function silenceCount(): Promise<number> {
  const [row] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "silence"`);
  return row?.n ?? 0;
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

const FIELDS: Record<keyof typeof ACTIONS, Record<string, string>> = {
  acknowledgeAction: { etaMinutes: "30", note: "on it" },
  resolveAction: { resolution: "fixed", reason: "rolled back" },
  noteAction: { text: "looking" },
  silenceAction: { minutes: "60", reason: "maintenance" },
};

describe("the signal page's server actions, as each caller of the authorization matrix", () => {
  for (const [name, key] of Object.entries(ACTIONS) as [keyof typeof ACTIONS, (typeof ACTIONS)[keyof typeof ACTIONS]][]) {
    const expected = ACTION_ACCESS[`${PAGE}#${name}`];
    it(`${name}: ${MATRIX_ACTORS.map((a) => `${a} ${expected?.[a]}`).join(", ")}`, async () => {
      expect(expected, `${PAGE}#${name} has no row in the matrix`).toBeDefined();
      for (const caller of MATRIX_ACTORS) {
        const signalId = await freshSignal();
        const before = await readSignal(db.sql, signalId);
        const silencesBefore = await silenceCount();
        const action = signalActions({ actor: async () => actorOf(caller), database: async () => db })[key];
        const result: ActionResult = await action(null, form({ signalId, ...FIELDS[name] }));
        const after = await readSignal(db.sql, signalId);
        if (expected![caller] === "allow") {
          expect(result, `${name} as ${caller}`).toMatchObject({ ok: true });
        } else {
          expect(result.ok, `${name} as ${caller} was let through`).toBe(false);
          expect(after, `${name} as ${caller} changed the signal`).toEqual(before);
          expect(await silenceCount(), `${name} as ${caller} silenced something`).toBe(silencesBefore);
        }
      }
    });
  }
});
