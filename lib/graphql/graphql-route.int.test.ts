import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/actor";
import { apiKeyResolver } from "@/lib/auth/key-resolver";
import { graphqlRoute } from "@/lib/graphql/graphql-route";
import { createRouteWrapper, type RouteHandler } from "@/lib/http";
import { acknowledgeSignal, resolveSignal, type Operator } from "@/lib/signals/operator-actions";
import { raiseStoredSignal } from "@/lib/signals/raise-stored-signal";
import { indicatorsByName } from "@/lib/store/indicator-runtimes";
import { readSignal, systemByPath } from "@/lib/store/signals";
import type { SqlRunner } from "@/lib/store/sql-runner";
import { readVarietyWindow } from "@/lib/store/variety-window";
import { bearer, createTelemetryHarness, post, type TelemetryHarness } from "@/lib/testing/telemetry-harness";
import { varietyReport } from "@/lib/view/variety-report";
import { windowEnding } from "@/lib/view/variety-window";
import type { RaiseInput } from "@/lib/vsm/algedonic/schemas";
import { HOUR, MINUTE } from "@/lib/vsm/types";

/**
 * /api/graphql end to end on a scratch database (docs/graphql.md): the real API-key resolver and
 * route wrapper, signals written by the functions the pipeline and operators use, and the reads
 * checked against the store's own readers and the Variety page's computation.
 */
const MODEL = `
version: 1
systems:
  - path: acme
    name: Acme
    functions:
      s2: { owner: coord }
      s3: { owner: coo }
      s3star: { present: false, notes: "Audit not staffed yet" }
  - path: acme/ops
    name: Operations
  - path: acme/ops/payments
    name: Payments
    indicators:
      - { key: latency-p99, name: p99 latency, unit: ms, direction: down }
      - { key: queue-depth, name: Queue depth, unit: items, direction: down }
  - path: acme/sales
    name: Sales
    indicators:
      - { key: orders, name: Orders, unit: 1/min, direction: up }
  - path: globex
    name: Globex
  - path: globex/plant
    name: Plant
    indicators:
      - { key: output, name: Output, unit: t/h, direction: up }
`;

const T0 = Date.UTC(2026, 11, 1, 9);
const NOW = T0 + 12 * HOUR;
const ALICE: Operator = { actor: { type: "user", id: "alice@example.com" }, audit: "user:alice@example.com" };

let harness: TelemetryHarness;
let handler: RouteHandler;
/** Statements the GraphQL reads ran (the key lookups of the resolver are not counted). */
let statements = 0;
const ids: Record<string, string> = {};

async function raise(unitPath: string, indicator: string, at: number, extra: Partial<Omit<RaiseInput, "id">> = {}): Promise<string> {
  const { db } = harness;
  const [row] = await indicatorsByName(db.sql, [{ unitPath, key: indicator }]);
  const unit = await systemByPath(db.sql, unitPath);
  const origin = { systemId: unit!.id, indicatorId: row!.id, externalAlertId: null, labels: {} };
  const input = {
    unitPath,
    indicator,
    kind: "step",
    valence: "pain" as const,
    band: "alert" as const,
    actor: { type: "system" as const, component: "filter" },
    reason: "a change",
  };
  const signal = await db.sql.transaction((tx) => raiseStoredSignal(tx, { ...input, ...extra }, origin, at));
  return signal.id;
}

beforeAll(async () => {
  harness = await createTelemetryHarness(MODEL);
  const { db } = harness;
  // Payments: twelve signals ten minutes apart, steps and slopes in turn, each resolved by Alice a
  // minute later; the fifth and sixth raised in the same millisecond, so pages must order by id too.
  for (let k = 0; k < 12; k += 1) {
    const at = T0 + (k === 5 ? 4 : k) * 10 * MINUTE;
    const id = await raise("acme/ops/payments", "latency-p99", at, { kind: k % 2 === 0 ? "step" : "slope" });
    await resolveSignal(db, ALICE, { signalId: id, reason: "restarted the gateway" }, at + (k === 4 ? 0 : MINUTE));
    ids[`payments${k}`] = id;
  }
  ids.salesPain = await raise("acme/sales", "orders", T0 + 2 * HOUR);
  await acknowledgeSignal(db, ALICE, { signalId: ids.salesPain, note: "looking" }, T0 + 3 * HOUR);
  ids.salesPleasure = await raise("acme/sales", "orders", T0 + 4 * HOUR, { valence: "pleasure" });
  ids.globex = await raise("globex/plant", "output", T0 + 5 * HOUR, { valence: "pleasure", kind: "slope" });

  const sql: Pick<SqlRunner, "query"> = {
    query: <Row extends Record<string, unknown>>(text: string, params?: unknown[]) => {
      statements += 1;
      return db.sql.query<Row>(text, params);
    },
  };
  const withRoute = createRouteWrapper({ resolver: apiKeyResolver(async () => db.sql), log: pino({ level: "silent" }) });
  handler = graphqlRoute(withRoute, { sql: async () => sql, log: pino({ level: "silent" }), now: () => NOW });
});
afterAll(() => harness?.close());

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[]; error?: unknown };
}

async function ask(
  query: string,
  as: Record<string, string> | null = bearer("viewer", ""),
  variables: Record<string, unknown> = {},
): Promise<Answer> {
  const headers = { "content-type": "application/json", ...(as ?? {}) };
  const response = await handler(post("/api/graphql", JSON.stringify({ query, variables }), headers));
  return { status: response.status, body: (await response.json()) as Answer["body"] };
}

/** The data of a query that must succeed. */
async function data<T>(
  query: string,
  as: Record<string, string> = bearer("viewer", ""),
  variables: Record<string, unknown> = {},
): Promise<T> {
  const { status, body } = await ask(query, as, variables);
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  return body.data as T;
}

const viewerOf = (scope: string, role: Role = "viewer") => bearer(role, scope);
const paymentsIds = () => Array.from({ length: 12 }, (_, k) => ids[`payments${k}`]!);

describe("who may ask", () => {
  it("answers nobody 401 in the console's error shape, and names the scheme", async () => {
    const response = await handler(
      post("/api/graphql", JSON.stringify({ query: "{ roots { path } }" }), { "content-type": "application/json" }),
    );
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
  });

  it("answers an ingest key 403: it cannot read", async () => {
    const { status, body } = await ask("{ roots { path } }", bearer("ingest", ""));
    expect(status).toBe(403);
    expect(body).toMatchObject({ error: { code: "forbidden" } });
  });

  it("answers a GET as a POST", async () => {
    const query = encodeURIComponent('{ system(path: "acme") { name } }');
    const response = await handler(new Request(`http://localhost/api/graphql?query=${query}`, { headers: bearer("viewer", "") }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { system: { name: "Acme" } } });
    // HEAD follows GET, as on every route that allows GET.
    const head = await handler(
      new Request(`http://localhost/api/graphql?query=${query}`, { method: "HEAD", headers: bearer("viewer", "") }),
    );
    expect(head.status).toBe(200);
  });
});

describe("the model", () => {
  it("shows a reader of the whole model every root, with functions, units and indicators", async () => {
    const result = await data<{ roots: unknown[]; payments: unknown }>(`{
      roots { path level parent { path } functions { kind present owner notes } units { path units { path } } }
      payments: system(path: "acme/ops/payments") { name level parent { path } indicators { key unit direction index scope } }
    }`);
    expect(result.roots).toEqual([
      {
        path: "acme",
        level: 0,
        parent: null,
        functions: [
          { kind: "s2", present: true, owner: "coord", notes: "" },
          { kind: "s3", present: true, owner: "coo", notes: "" },
          { kind: "s3star", present: false, owner: null, notes: "Audit not staffed yet" },
          { kind: "s4", present: false, owner: null, notes: "" },
          { kind: "s5", present: false, owner: null, notes: "" },
        ],
        units: [
          { path: "acme/ops", units: [{ path: "acme/ops/payments" }] },
          { path: "acme/sales", units: [] },
        ],
      },
      { path: "globex", level: 0, parent: null, functions: expect.any(Array), units: [{ path: "globex/plant", units: [] }] },
    ]);
    expect(result.payments).toEqual({
      name: "Payments",
      level: 2,
      parent: { path: "acme/ops" },
      indicators: [
        { key: "latency-p99", unit: "ms", direction: "down", index: "raw", scope: "operations" },
        { key: "queue-depth", unit: "items", direction: "down", index: "raw", scope: "operations" },
      ],
    });
  });

  it("shows a reader of one subtree only that subtree: its top has no parent, and the rest is null or absent", async () => {
    const as = viewerOf("acme/ops");
    const result = await data<Record<string, unknown>>(
      `{
        roots { path parent { path } units { path parent { path parent { path } } } }
        acme: system(path: "acme") { path }
        sales: system(path: "acme/sales") { path }
        payments: system(path: "acme/ops/payments") { name }
        systems { nodes { path } pageInfo { hasNextPage } }
        salesOnly: systems(under: "acme/sales") { nodes { path } }
      }`,
      as,
    );
    expect(result).toEqual({
      roots: [{ path: "acme/ops", parent: null, units: [{ path: "acme/ops/payments", parent: { path: "acme/ops", parent: null } }] }],
      acme: null,
      sales: null,
      payments: { name: "Payments" },
      systems: { nodes: [{ path: "acme/ops" }, { path: "acme/ops/payments" }], pageInfo: { hasNextPage: false } },
      salesOnly: { nodes: [] },
    });
  });

  it("pages the systems by path without gaps or repeats", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const result: { systems: { nodes: { path: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await data(
        `query Page($after: String) { systems(first: 2, after: $after) { nodes { path } pageInfo { hasNextPage endCursor } } }`,
        bearer("viewer", ""),
        { after },
      );
      seen.push(...result.systems.nodes.map((n) => n.path));
      if (!result.systems.pageInfo.hasNextPage) break;
      after = result.systems.pageInfo.endCursor;
    }
    expect(seen).toEqual(["acme", "acme/ops", "acme/ops/payments", "acme/sales", "globex", "globex/plant"]);
  });
});

describe("signals", () => {
  interface SignalNode {
    id: string;
    state: string;
    raisedAt: string;
    timeline: { seq: number; at: string; kind: string; actor: string; from: string | null; to: string; level: number; reason: string }[];
  }

  it("lists only the signals of the reader's subtree, and a lookup outside it answers null", async () => {
    const as = viewerOf("acme/ops");
    const result = await data<{ signals: { nodes: { id: string }[] }; sales: unknown; mine: { id: string } | null; elsewhere: unknown }>(
      `query Look($sales: ID!, $mine: ID!) {
        signals(first: 100) { nodes { id } }
        sales: signal(id: $sales) { id }
        mine: signal(id: $mine) { id }
        elsewhere: signals(filter: { subtree: "acme/sales" }) { nodes { id } }
      }`,
      as,
      { sales: ids.salesPain, mine: ids.payments3 },
    );
    expect(result.signals.nodes.map((n) => n.id).sort()).toEqual(paymentsIds().sort());
    expect(result.sales).toBeNull();
    expect(result.mine).toEqual({ id: ids.payments3 });
    expect(result.elsewhere).toEqual({ nodes: [] });
  });

  it("gives each signal its stored timeline, read for a whole page in a few statements", async () => {
    statements = 0;
    const result = await data<{ signals: { nodes: (SignalNode & { unit: unknown })[] } }>(
      `{ signals(first: 15) { nodes {
          id state raisedAt timeline { seq at kind actor from to level reason }
          unit { path indicators { key } parent { path units { path } } } } } }`,
    );
    // The page, the timelines, the units, their indicators, their parents, the parents' units: one
    // statement each, whatever the page's length.
    expect(statements).toBe(6);
    const nodes = result.signals.nodes;
    expect(nodes).toHaveLength(15);
    for (const node of nodes) {
      const stored = (await readSignal(harness.db.sql, node.id))!;
      expect(node.raisedAt).toBe(new Date(stored.raisedAt).toISOString());
      expect(node.timeline).toEqual(
        stored.timeline.map((e) => ({
          seq: e.seq,
          at: new Date(e.at).toISOString(),
          kind: e.kind,
          actor: e.actor.type === "user" ? `user:${e.actor.id}` : `system:${e.actor.component}`,
          from: e.from,
          to: e.to,
          level: e.level,
          reason: e.reason,
        })),
      );
    }
    const resolved = nodes.find((n) => n.id === ids.payments0)!;
    expect(resolved.timeline.map((e) => [e.kind, e.actor])).toEqual([
      ["raised", "system:filter"],
      ["resolved", "user:alice@example.com"],
    ]);
    expect(nodes.find((n) => n.id === ids.globex)!.unit).toEqual({
      path: "globex/plant",
      indicators: [{ key: "output" }],
      parent: { path: "globex", units: [{ path: "globex/plant" }] },
    });
  });

  it("pages newest first without gaps or repeats, ties in the same millisecond included", async () => {
    const all = await data<{ signals: { nodes: { id: string; raisedAt: string }[] } }>(`{ signals(first: 100) { nodes { id raisedAt } } }`);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const result: {
        signals: { edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      } = await data(
        `query Page($after: String) { signals(first: 4, after: $after) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
        bearer("viewer", ""),
        { after },
      );
      seen.push(...result.signals.edges.map((e) => e.node.id));
      expect(result.signals.edges.at(-1)?.cursor).toBe(result.signals.pageInfo.endCursor);
      if (!result.signals.pageInfo.hasNextPage) break;
      after = result.signals.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.signals.nodes.map((n) => n.id));
    expect(new Set(seen).size).toBe(15);
    const times = all.signals.nodes.map((n) => n.raisedAt);
    expect([...times].sort().reverse()).toEqual(times);
    // The two raised in the same millisecond sit next to each other, the larger id first (as in the REST list).
    const tied = [ids.payments4!, ids.payments5!].sort();
    expect(seen.indexOf(tied[0]!) - seen.indexOf(tied[1]!)).toBe(1);
  });

  it("filters by state, valence, kind and subtree, all together", async () => {
    const ask = (filter: string) =>
      data<{ signals: { nodes: { id: string }[] } }>(`{ signals(first: 100, filter: ${filter}) { nodes { id } } }`);
    const idsOf = async (filter: string) => (await ask(filter)).signals.nodes.map((n) => n.id).sort();
    expect(await idsOf(`{ valence: pleasure }`)).toEqual([ids.salesPleasure, ids.globex].sort());
    expect(await idsOf(`{ state: [acknowledged] }`)).toEqual([ids.salesPain]);
    expect(await idsOf(`{ state: [resolved], kind: "slope" }`)).toEqual([1, 3, 5, 7, 9, 11].map((k) => ids[`payments${k}`]).sort());
    expect(await idsOf(`{ subtree: "acme", valence: pleasure, kind: "step" }`)).toEqual([ids.salesPleasure]);
  });

  it("refuses a page over 100 and a cursor it did not give, without internals", async () => {
    const big = await ask(`{ signals(first: 101) { nodes { id } } }`);
    expect(big.body.errors?.[0]).toMatchObject({
      message: "first must be between 1 and 100, got 101",
      extensions: { code: "BAD_USER_INPUT" },
    });
    const forged = await ask(`{ signals(after: "not-a-cursor") { nodes { id } } }`);
    expect(forged.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "after" });
    const otherList = await ask(`query Next($after: String) { signals(after: $after) { nodes { id } } }`, bearer("viewer", ""), {
      after: Buffer.from(JSON.stringify(["system", "acme"])).toString("base64url"),
    });
    expect(otherList.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
  });
});

describe("variety", () => {
  interface VarietyAnswer {
    variety: {
      window: string;
      from: string;
      to: string;
      trees: {
        rootPath: string;
        signals: number;
        quiet: number;
        systems: {
          path: string;
          disturbance: number;
          regulatory: number;
          deficit: number;
          balance: string;
          disturbances: { events: number };
        }[];
        levels: { level: number; itemsIn: number; bitsIn: number; absorbed: number; stages: { device: string; itemsOut: number }[] }[];
      }[];
    };
  }
  const QUERY = `query V($window: VarietyWindow) { variety(window: $window) {
    window from to
    trees { rootPath signals quiet
      systems { path disturbance regulatory deficit balance disturbances { events } }
      levels { level itemsIn bitsIn absorbed stages { device itemsOut } } } } }`;

  it("agrees with the Variety page's computation over the same window", async () => {
    const result = await data<VarietyAnswer>(QUERY, bearer("viewer", ""), { window: "day" });
    const window = windowEnding("24h", NOW);
    expect(result.variety).toMatchObject({ window: "day", from: new Date(window.from).toISOString(), to: new Date(NOW).toISOString() });
    const page = varietyReport(await readVarietyWindow(harness.db.sql, window));
    expect(result.variety.trees).toEqual(
      page.trees.map((tree) => ({
        rootPath: tree.root.path,
        signals: tree.signals,
        quiet: tree.quiet,
        systems: tree.systems.map((s) => ({
          path: s.path,
          disturbance: s.assessment.disturbance,
          regulatory: s.assessment.regulatory,
          deficit: s.assessment.deficit,
          balance: s.assessment.state,
          disturbances: { events: s.assessment.disturbances.events },
        })),
        levels: tree.levels.map((l) => ({
          level: l.level,
          itemsIn: l.itemsIn,
          bitsIn: l.bitsIn,
          absorbed: l.absorbed,
          stages: l.stages.map((st) => ({ device: st.device, itemsOut: st.itemsOut })),
        })),
      })),
    );
    // By hand: Payments met six steps and six slopes, one class each: 1 bit of disturbance variety.
    const acme = result.variety.trees.find((t) => t.rootPath === "acme")!;
    expect(acme.signals).toBe(14);
    expect(acme.systems.find((s) => s.path === "acme/ops/payments")).toMatchObject({ disturbance: 1, disturbances: { events: 12 } });
  });

  it("shows a tree only to a reader of its root, and none to a reader of a subtree", async () => {
    const roots = async (scope: string) => (await data<VarietyAnswer>(QUERY, viewerOf(scope))).variety.trees.map((t) => t.rootPath);
    expect(await roots("")).toEqual(["acme", "globex"]);
    expect(await roots("acme")).toEqual(["acme"]);
    expect(await roots("acme/ops")).toEqual([]);
  });

  it("measures the last hour apart: nothing was raised in it", async () => {
    const result = await data<VarietyAnswer>(QUERY, bearer("viewer", ""), { window: "hour" });
    expect(result.variety.trees.map((t) => t.signals)).toEqual([0, 0]);
  });
});

describe("refusals", () => {
  it("answers a malformed query 400 with GraphQL errors and no internals", async () => {
    statements = 0;
    const { status, body } = await ask(`{ signals(first: 5) { nodes { id }`);
    expect(status).toBe(400);
    expect(body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/^Syntax Error/) })]);
    expect(JSON.stringify(body)).not.toMatch(/stack|at .*\.ts|SELECT/i);
    const unknown = await ask(`{ signals { nodes { password } } }`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0]?.message).toBe('Cannot query field "password" on type "Signal".');
    expect(statements).toBe(0);
  });

  it("refuses a too deep and a too costly query before reading anything", async () => {
    statements = 0;
    const deep = await ask(`{ roots { units { units { units { units { units { units { units { path } } } } } } } } }`);
    expect(deep.status).toBe(400);
    expect(deep.body.errors?.map((e) => e.extensions?.code)).toContain("QUERY_TOO_DEEP");
    const costly = await ask(`{ signals(first: 100) { nodes { unit { units { units { path } } } } } }`);
    expect(costly.status).toBe(400);
    expect(costly.body.errors?.[0]?.message).toMatch(/over the budget of 5,000/);
    expect(statements).toBe(0);
  });
});
