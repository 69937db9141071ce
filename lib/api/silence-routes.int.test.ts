import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSilence, endSilence, listSilences } from "@/lib/api/routes/silences";
import { errorSchema } from "@/lib/api/schemas/common";
import { recentAudit } from "@/lib/store/audit-events";
import { call, createApiHarness, person, type ApiHarness } from "@/lib/testing/api-harness";
import { bearer } from "@/lib/testing/telemetry-harness";
import { HOUR, MINUTE } from "@/lib/vsm/types";

/** Silences through REST: who sees which, who may create and end them, and what a bad one answers. */
let h: ApiHarness;
const NOW = Math.floor(Date.now() / 1000) * 1000;
const ids: Record<string, string> = {};

const create = (body: unknown, headers: Record<string, string>) => call(h.api.createSilence, "/api/v1/silences", { body, headers });
const list = async (headers: Record<string, string>, query = "") => {
  const response = await call(h.api.listSilences, `/api/v1/silences${query}`, { headers });
  expect(response.status).toBe(200);
  return listSilences.response.schema.parse(response.body).silences;
};
const end = (id: string, headers: Record<string, string>) =>
  call(h.api.endSilence, `/api/v1/silences/${id}/end`, { method: "POST", headers, params: { id } });
const silenceCount = async () => (await h.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM silence`))[0]?.n;

beforeAll(async () => {
  h = await createApiHarness();
  h.clock.now = NOW;
  const made: [string, unknown, Record<string, string>][] = [
    [
      "ops subtree",
      { matcher: { unitPath: "acme/ops", scope: "subtree" }, endsAt: NOW + HOUR, reason: "ops deploy" },
      bearer("operator", "acme/ops"),
    ],
    [
      "ops only",
      { matcher: { unitPath: "acme/ops" }, endsAt: new Date(NOW + HOUR).toISOString(), reason: "ops itself" },
      bearer("operator", "acme/ops"),
    ],
    ["sales", { matcher: { unitPath: "acme/sales", valence: "pain" }, endsAt: NOW + HOUR, reason: "sales" }, bearer("admin", "acme/sales")],
    [
      "every slope",
      { matcher: { kind: "slope" }, startsAt: NOW - MINUTE, endsAt: NOW + HOUR, reason: "noisy slopes" },
      person({ role: "operator", scope: "" }),
    ],
  ];
  for (const [name, body, headers] of made) {
    const response = await create(body, headers);
    expect(response.status, name).toBe(201);
    ids[name] = createSilence.response.schema.parse(response.body).silence.id;
  }
});
afterAll(() => h.close());

describe("POST /api/v1/silences", () => {
  it("creates a silence with the operator's matcher and times, audited", async () => {
    const silence = (await list(bearer("viewer", ""))).find((s) => s.id === ids["ops subtree"]);
    expect(silence).toEqual({
      id: ids["ops subtree"],
      matcher: { unitPath: "acme/ops", scope: "subtree" },
      startsAt: NOW,
      endsAt: NOW + HOUR,
      reason: "ops deploy",
      createdBy: expect.stringMatching(/^key:/),
      createdAt: NOW,
    });
    expect((await recentAudit(h.db.sql, 10)).filter((a) => a.action === "silence.create")).toHaveLength(4);
  });

  it("needs `operate` where the silence reaches: the unit, or the whole model for one that names none", async () => {
    const before = await silenceCount();
    for (const [body, headers] of [
      [{ matcher: { unitPath: "acme/sales" }, endsAt: NOW + HOUR, reason: "r" }, bearer("operator", "acme/ops")],
      [{ matcher: { kind: "step" }, endsAt: NOW + HOUR, reason: "r" }, bearer("operator", "acme")],
      [{ matcher: { unitPath: "acme/ops" }, endsAt: NOW + HOUR, reason: "r" }, bearer("viewer", "")],
      [{ matcher: { unitPath: "acme/ops" }, endsAt: NOW + HOUR, reason: "r" }, bearer("ingest", "")],
    ] as const) {
      const response = await create(body, headers);
      expect(response.status).toBe(403);
      expect(errorSchema.parse(response.body).error.code).toBe("forbidden");
    }
    expect(await silenceCount()).toBe(before);
  });

  it("names each bad field and stores nothing", async () => {
    const before = await silenceCount();
    const operator = bearer("operator", "");
    for (const [body, status, field] of [
      [{ matcher: {}, endsAt: NOW + HOUR, reason: "r" }, 422, "matcher"],
      [{ matcher: { unitPath: "acme/ops" }, startsAt: NOW, endsAt: NOW - 1, reason: "r" }, 422, "endsAt"],
      [{ matcher: { unitPath: "acme/ops" }, endsAt: NOW - 1, reason: "r" }, 422, "endsAt"],
      [{ matcher: { unitPath: "acme/ops" }, endsAt: "soon", reason: "r" }, 422, "endsAt"],
      [{ matcher: { unitPath: "acme/ops", colour: "red" }, endsAt: NOW + HOUR, reason: "r" }, 400, "matcher"],
      [{ matcher: { unitPath: "acme/ops" }, endsAt: NOW + HOUR }, 400, "reason"],
    ] as const) {
      const response = await create(body, operator);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(errorSchema.parse(response.body).error.details).toEqual([expect.objectContaining({ in: "body", path: field })]);
    }
    expect(await silenceCount()).toBe(before);
  });
});

describe("GET /api/v1/silences", () => {
  it("shows a reader the silences that can hide their signals, and no others", async () => {
    const names = async (headers: Record<string, string>) => {
      const shown = new Set((await list(headers)).map((s) => s.id));
      return Object.keys(ids)
        .filter((name) => shown.has(ids[name]!))
        .sort();
    };
    expect(await names(bearer("viewer", ""))).toEqual(["every slope", "ops only", "ops subtree", "sales"]);
    // The subtree silence on acme/ops reaches Payments; the one on acme/ops alone does not.
    expect(await names(bearer("viewer", "acme/ops/payments"))).toEqual(["every slope", "ops subtree"]);
    expect(await names(bearer("viewer", "acme/sales"))).toEqual(["every slope", "sales"]);
    expect((await call(h.api.listSilences, "/api/v1/silences", { headers: bearer("ingest", "") })).status).toBe(403);
  });
});

describe("POST /api/v1/silences/{id}/end", () => {
  it("ends a silence now for an operator where it reaches; it stays on record, ended", async () => {
    h.clock.now = NOW + 10 * MINUTE;
    expect((await end(ids["ops only"]!, bearer("viewer", "acme"))).status).toBe(403);
    // An operator of Sales does not see a silence on acme/ops at all.
    expect((await end(ids["ops only"]!, bearer("operator", "acme/sales"))).status).toBe(404);
    const response = await end(ids["ops only"]!, bearer("operator", "acme/ops"));
    expect(response.status).toBe(200);
    expect(endSilence.response.schema.parse(response.body).silence).toMatchObject({ id: ids["ops only"], endsAt: NOW + 10 * MINUTE });
    expect((await recentAudit(h.db.sql, 1))[0]).toMatchObject({ action: "silence.end", detail: { silence: ids["ops only"] } });
    expect((await list(bearer("viewer", ""))).map((s) => s.id)).not.toContain(ids["ops only"]);
    expect((await list(bearer("viewer", ""), `?since=${NOW}`)).map((s) => s.id)).toContain(ids["ops only"]);
    expect((await end(ids["ops only"]!, bearer("operator", "acme/ops"))).status).toBe(404);
  });

  it("needs the whole model to end a silence that names no unit", async () => {
    expect((await end(ids["every slope"]!, bearer("operator", "acme"))).status).toBe(403);
    expect((await end(ids["every slope"]!, bearer("admin", ""))).status).toBe(200);
    expect((await end("sil_nope", bearer("admin", ""))).status).toBe(404);
  });
});
