import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSignal, listSignals } from "@/lib/api/routes/signals";
import { errorSchema } from "@/lib/api/schemas/common";
import { resolveSignal } from "@/lib/signals/operator-actions";
import { call, createApiHarness, raiseTestSignal, type ApiHarness } from "@/lib/testing/api-harness";
import { bearer } from "@/lib/testing/telemetry-harness";
import type { Signal } from "@/lib/vsm/algedonic/schemas";
import { HOUR, MINUTE } from "@/lib/vsm/types";

/** Listing and reading signals through the REST handlers: scopes, filters and pages, on a real database. */
let h: ApiHarness;
const T0 = Math.floor(Date.now() / MINUTE) * MINUTE - 6 * HOUR;
const raised: Signal[] = [];

beforeAll(async () => {
  h = await createApiHarness();
  // 12 on Payments a minute apart, the last three raised at the same instant (the id orders them);
  // 5 pleasure signals on Sales; one alert on the root.
  for (let i = 0; i < 12; i += 1)
    raised.push(await raiseTestSignal(h.db, "acme/ops/payments", T0 + Math.min(i, 9) * MINUTE, { kind: "step" }));
  for (let i = 0; i < 5; i += 1) {
    raised.push(await raiseTestSignal(h.db, "acme/sales", T0 + 30 * MINUTE + i * MINUTE, { kind: "slope", valence: "pleasure" }));
  }
  raised.push(await raiseTestSignal(h.db, "acme", T0 + HOUR));
  const operator = { actor: { type: "user" as const, id: "ops@acme.example" }, audit: "user:ops@acme.example" };
  for (const signal of raised.slice(0, 2)) {
    await resolveSignal(h.db, operator, { signalId: signal.id, reason: "fixed it", resolution: "fixed" }, T0 + 2 * HOUR);
  }
});
afterAll(() => h.close());

/** Newest raised first, then by id (bytewise), as the list promises. */
const newestFirst = (signals: readonly Pick<Signal, "id" | "raisedAt">[]) =>
  [...signals].sort((a, b) => b.raisedAt - a.raisedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).map((s) => s.id);

async function list(query: string, headers: Record<string, string> = bearer("viewer", "")) {
  const response = await call(h.api.listSignals, `/api/v1/signals${query}`, { headers });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return listSignals.response.schema.parse(response.body);
}

describe("GET /api/v1/signals", () => {
  it("lists every signal to a reader of the whole model, newest first, without timelines", async () => {
    const page = await list("?limit=100");
    expect(page.signals.map((s) => s.id)).toEqual(newestFirst(raised));
    expect(page.nextCursor).toBeNull();
    expect(page.signals[0]).not.toHaveProperty("timeline");
  });

  it("shows a reader of a subtree the signals of that subtree only, whatever `under` asks", async () => {
    const ops = bearer("viewer", "acme/ops");
    const payments = raised.filter((s) => s.unitPath === "acme/ops/payments");
    expect((await list("", ops)).signals.map((s) => s.id)).toEqual(newestFirst(payments));
    expect((await list("?under=acme", ops)).signals.map((s) => s.id)).toEqual(newestFirst(payments));
    expect((await list("?under=acme/sales", ops)).signals).toEqual([]);
    expect((await list("?under=acme/sales")).signals.map((s) => s.unitPath)).toEqual(Array(5).fill("acme/sales"));
  });

  it("filters by state, valence, kind and time raised", async () => {
    expect((await list("?state=resolved")).signals.map((s) => s.id).sort()).toEqual(
      raised
        .slice(0, 2)
        .map((s) => s.id)
        .sort(),
    );
    expect((await list("?state=resolved&state=open")).signals).toHaveLength(raised.length);
    expect((await list("?valence=pleasure")).signals.every((s) => s.valence === "pleasure" && s.unitPath === "acme/sales")).toBe(true);
    expect((await list("?valence=pleasure")).signals).toHaveLength(5);
    expect((await list("?kind=alert")).signals.map((s) => s.unitPath)).toEqual(["acme"]);
    const window = await list(`?from=${new Date(T0 + 30 * MINUTE).toISOString()}&to=${T0 + 32 * MINUTE}`);
    expect(window.signals.map((s) => s.raisedAt)).toEqual([T0 + 31 * MINUTE, T0 + 30 * MINUTE]);
  });

  it("pages through everything without repeating or skipping, while new signals are raised in between", async () => {
    const known = [...raised];
    for (const size of ["small", "splitting the signals raised at the same instant"]) {
      const expected = newestFirst(known);
      const tied = expected.indexOf(newestFirst(raised.filter((s) => s.raisedAt === T0 + 9 * MINUTE))[0]!);
      const limit = size === "small" ? 5 : tied + 1;
      const seen: string[] = [];
      let cursor: string | null = "";
      while (cursor !== null) {
        const page = await list(`?limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`);
        expect(page.signals.length, size).toBeLessThanOrEqual(limit);
        seen.push(...page.signals.map((s) => s.id));
        cursor = page.nextCursor;
        // Raised after this page was read: newer than everything listed, so on no later page.
        known.push(await raiseTestSignal(h.db, "acme/ops/payments", T0 + 3 * HOUR + known.length * MINUTE));
      }
      expect(seen, size).toEqual(expected);
    }
  });

  it("takes hostile text as a value, never as SQL", async () => {
    const before = (await list("?limit=500")).signals.length;
    expect((await list(`?kind=${encodeURIComponent(`alert' OR '1'='1`)}`)).signals).toEqual([]);
    expect((await list(`?kind=${encodeURIComponent(`x'; DELETE FROM signal; --`)}`)).signals).toEqual([]);
    expect((await list("?limit=500")).signals).toHaveLength(before);
  });

  it("refuses a cursor it did not make, and a page size out of range, naming the parameter", async () => {
    for (const [query, field] of [
      ["?cursor=abc", "cursor"],
      ["?limit=0", "limit"],
      ["?limit=501", "limit"],
    ] as const) {
      const response = await call(h.api.listSignals, `/api/v1/signals${query}`, { headers: bearer("viewer", "") });
      expect(response.status, query).toBe(422);
      expect(errorSchema.parse(response.body).error.details).toEqual([expect.objectContaining({ in: "query", path: field })]);
    }
  });

  it("is refused to nobody and to ingest keys", async () => {
    expect((await call(h.api.listSignals, "/api/v1/signals")).status).toBe(401);
    expect((await call(h.api.listSignals, "/api/v1/signals", { headers: bearer("ingest", "") })).status).toBe(403);
  });
});

describe("GET /api/v1/signals/{id}", () => {
  const read = (id: string, headers: Record<string, string>) => call(h.api.getSignal, `/api/v1/signals/${id}`, { headers, params: { id } });

  it("gives one signal with its whole timeline", async () => {
    const resolved = (await list("?state=resolved")).signals[0]!;
    const response = await read(resolved.id, bearer("viewer", "acme/ops/payments"));
    expect(response.status).toBe(200);
    const signal = getSignal.response.schema.parse(response.body);
    expect(signal).toMatchObject({ id: resolved.id, state: "resolved", closeReason: "fixed", closedAt: T0 + 2 * HOUR });
    expect(signal.timeline.map((e) => [e.kind, e.actor])).toEqual([
      ["raised", { type: "system", component: "test" }],
      ["resolved", { type: "user", id: "ops@acme.example" }],
    ]);
  });

  it("does not tell a reader of another subtree that a signal exists", async () => {
    const resolved = (await list("?state=resolved")).signals[0]!;
    for (const id of [resolved.id, "sig_nope"]) {
      const response = await read(id, bearer("viewer", "acme/sales"));
      expect(response.status, id).toBe(404);
      expect(errorSchema.parse(response.body).error.code).toBe("not_found");
    }
    expect((await read(resolved.id, bearer("ingest", ""))).status).toBe(403);
  });
});
