import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { acknowledgeSignal, noteSignal, resolveSignal, silenceSignalUnit } from "@/lib/api/routes/signals";
import { errorSchema } from "@/lib/api/schemas/common";
import { recentAudit } from "@/lib/store/audit-events";
import { readSignal } from "@/lib/store/signals";
import { call, createApiHarness, person, raiseTestSignal, type ApiHarness } from "@/lib/testing/api-harness";
import { testToken } from "@/lib/testing/test-keys";
import { bearer } from "@/lib/testing/telemetry-harness";
import type { Signal } from "@/lib/vsm/algedonic/schemas";
import { MINUTE } from "@/lib/vsm/types";

/**
 * Operators' actions through REST: the same audited operator functions as the signal page, and its
 * rule — `operate` on the signal's unit, which must first be theirs to see.
 */
let h: ApiHarness;
let signal: Signal;
const NOW = Math.floor(Date.now() / 1000) * 1000;
const OPERATOR = person({ role: "operator", scope: "acme/ops" });

beforeAll(async () => {
  h = await createApiHarness();
  h.clock.now = NOW;
});
beforeEach(async () => {
  signal = await raiseTestSignal(h.db, "acme/ops/payments", NOW - 10 * MINUTE);
});
afterAll(() => h.close());

const act = (handler: keyof ApiHarness["api"], action: string, body: unknown, headers: Record<string, string>, id = signal.id) =>
  call(h.api[handler], `/api/v1/signals/${id}/${action}`, { body, headers, params: { id } });
const auditCount = async () => (await recentAudit(h.db.sql, 10_000)).length;

/** Nothing of the signal changed, and nothing was audited, since `before` was counted. */
async function unchanged(before: number) {
  expect((await readSignal(h.db.sql, signal.id))?.version).toBe(signal.version);
  expect(await auditCount()).toBe(before);
}

describe("POST /api/v1/signals/{id}/acknowledge", () => {
  it("acknowledges with an ETA for an operator of the unit, names them on the timeline and in the audit trail", async () => {
    const eta = NOW + 30 * MINUTE;
    const response = await act("acknowledgeSignal", "acknowledge", { eta: new Date(eta).toISOString(), note: "on it" }, OPERATOR);
    expect(response.status).toBe(200);
    const after = acknowledgeSignal.response.schema.parse(response.body);
    expect(after).toMatchObject({
      id: signal.id,
      state: "acknowledged",
      ack: { by: { type: "user", id: "ann@acme.example" }, at: NOW, eta },
    });
    expect(after.timeline.at(-1)).toMatchObject({ kind: "acknowledged", actor: { type: "user", id: "ann@acme.example" } });
    const [audit] = await recentAudit(h.db.sql, 1);
    expect(audit).toMatchObject({ actor: "user:ann@acme.example", action: "signal.acknowledge", target: "acme/ops/payments" });
  });

  it("acknowledges for an operator's API key, named by its id", async () => {
    const response = await act("acknowledgeSignal", "acknowledge", {}, bearer("operator", "acme/ops/payments"));
    expect(response.status).toBe(200);
    const key = testToken("operator", "acme/ops/payments").id;
    expect(acknowledgeSignal.response.schema.parse(response.body).ack?.by).toEqual({ type: "user", id: `key:${key}` });
    expect((await recentAudit(h.db.sql, 1))[0]).toMatchObject({ actor: `key:${key}`, action: "signal.acknowledge" });
  });

  it("refuses viewers and ingest keys (403), and tells an operator elsewhere nothing (404); nothing changes", async () => {
    const before = await auditCount();
    for (const headers of [
      bearer("viewer", ""),
      person({ role: "viewer", scope: "" }, { role: "operator", scope: "acme/sales" }),
      bearer("ingest", ""),
    ]) {
      const response = await act("acknowledgeSignal", "acknowledge", {}, headers);
      expect(response.status).toBe(403);
      expect(errorSchema.parse(response.body).error.code).toBe("forbidden");
    }
    const elsewhere = await act("acknowledgeSignal", "acknowledge", {}, bearer("operator", "acme/sales"));
    expect(elsewhere.status).toBe(404);
    expect((await act("acknowledgeSignal", "acknowledge", {}, OPERATOR, "sig_nope")).status).toBe(404);
    expect((await act("acknowledgeSignal", "acknowledge", {}, {})).status).toBe(401);
    await unchanged(before);
  });

  it("names each bad field, and stores nothing", async () => {
    const before = await auditCount();
    const cases: [unknown, number, string][] = [
      [{ eta: "tomorrow" }, 422, "eta"],
      [{ note: "   " }, 422, "note"],
      [{ etaMinutes: 5 }, 400, ""],
      [{ eta: true }, 400, "eta"],
    ];
    for (const [body, status, field] of cases) {
      const response = await act("acknowledgeSignal", "acknowledge", body, OPERATOR);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(errorSchema.parse(response.body).error.details).toEqual([expect.objectContaining({ in: "body", path: field })]);
    }
    const notJson = await act("acknowledgeSignal", "acknowledge", "{eta", OPERATOR);
    expect(notJson.status).toBe(400);
    // An ETA in the past is the domain's refusal: a value that cannot be, 422.
    const past = await act("acknowledgeSignal", "acknowledge", { eta: NOW - MINUTE }, OPERATOR);
    expect(past.status).toBe(422);
    await unchanged(before);
  });
});

describe("POST /api/v1/signals/{id}/resolve and /notes", () => {
  it("resolves with a reason, and then refuses to act on the closed signal (409)", async () => {
    const response = await act("resolveSignal", "resolve", { resolution: "false-alarm", reason: "a test deploy" }, OPERATOR);
    expect(response.status).toBe(200);
    expect(resolveSignal.response.schema.parse(response.body)).toMatchObject({
      state: "resolved",
      closeReason: "false-alarm",
      closedAt: NOW,
    });
    expect((await recentAudit(h.db.sql, 1))[0]).toMatchObject({ action: "signal.resolve", actor: "user:ann@acme.example" });
    const again = await act("acknowledgeSignal", "acknowledge", {}, OPERATOR);
    expect(again.status).toBe(409);
    expect(errorSchema.parse(again.body).error.code).toBe("conflict");
  });

  it("needs a resolution and a reason", async () => {
    const before = await auditCount();
    const missing = await act("resolveSignal", "resolve", { resolution: "fixed" }, OPERATOR);
    expect(missing.status).toBe(400);
    expect(errorSchema.parse(missing.body).error.details).toEqual([expect.objectContaining({ in: "body", path: "reason" })]);
    const odd = await act("resolveSignal", "resolve", { resolution: "ignored", reason: "done" }, OPERATOR);
    expect(odd.status).toBe(422);
    expect(errorSchema.parse(odd.body).error.details).toEqual([expect.objectContaining({ in: "body", path: "resolution" })]);
    await unchanged(before);
  });

  it("adds a note to the timeline", async () => {
    const response = await act("noteSignal", "notes", { text: "rolled back v42" }, bearer("admin", "acme"));
    expect(response.status).toBe(200);
    const after = noteSignal.response.schema.parse(response.body);
    expect(after.timeline.at(-1)).toMatchObject({ kind: "noted", reason: expect.stringContaining("rolled back v42") });
    expect((await recentAudit(h.db.sql, 1))[0]).toMatchObject({ action: "signal.note" });
  });
});

describe("POST /api/v1/signals/{id}/silence", () => {
  it("silences the signal's unit for some minutes, from now", async () => {
    const response = await act("silenceSignalUnit", "silence", { minutes: 45, reason: "maintenance window" }, OPERATOR);
    expect(response.status).toBe(201);
    const { silence } = silenceSignalUnit.response.schema.parse(response.body);
    expect(silence).toMatchObject({
      matcher: { unitPath: "acme/ops/payments", scope: "exact" },
      startsAt: NOW,
      endsAt: NOW + 45 * MINUTE,
      reason: "maintenance window",
      createdBy: "user:ann@acme.example",
    });
    expect((await recentAudit(h.db.sql, 1))[0]).toMatchObject({ action: "silence.create", target: "acme/ops/payments" });
  });

  it("refuses a viewer, and more than 30 days", async () => {
    const before = await auditCount();
    expect((await act("silenceSignalUnit", "silence", { minutes: 45, reason: "x" }, bearer("viewer", "acme"))).status).toBe(403);
    const long = await act("silenceSignalUnit", "silence", { minutes: 31 * 24 * 60, reason: "x" }, OPERATOR);
    expect(long.status).toBe(422);
    expect(errorSchema.parse(long.body).error.details).toEqual([expect.objectContaining({ in: "body", path: "minutes" })]);
    expect(await auditCount()).toBe(before);
  });
});
