import { Writable } from "node:stream";
import { createSchema } from "graphql-yoga";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { ANONYMOUS } from "@/lib/auth/actor";
import type { GraphqlContext } from "@/lib/graphql/context";
import { GRAPHQL_LIMITS } from "@/lib/graphql/endpoint-limits";
import { createGraphqlServer } from "@/lib/graphql/graphql-server";
import type { Loaders } from "@/lib/graphql/loaders";
import { typeDefs } from "@/lib/graphql/type-defs";

/**
 * The app's yoga configuration over the real SDL with resolvers that count their calls: the limits
 * refuse before any resolver runs, refusals answer 4xx whatever the Accept header, and failures
 * are masked in the answer but logged.
 */
function server() {
  const calls: string[] = [];
  const lines: string[] = [];
  const log = pino(
    { level: "info" },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString("utf8"));
        done();
      },
    }),
  );
  const system = { path: "acme", name: "Acme", level: 0, purpose: "", owner: null, id: 1, parentId: null };
  const schema = createSchema<GraphqlContext>({
    typeDefs,
    resolvers: {
      Query: {
        roots: () => {
          calls.push("roots");
          return [system];
        },
        system: () => {
          calls.push("system");
          throw new Error('relation "system" does not exist: SELECT s.id FROM "system" s WHERE s.path = $1');
        },
      },
      System: {
        units: () => {
          calls.push("units");
          return [];
        },
      },
    },
  });
  const yoga = createGraphqlServer(schema, log);
  const unused = () => Promise.reject(new Error("not read in this test"));
  const loaders: Loaders = { system: unused, units: unused, functions: unused, indicators: unused, timeline: unused };
  const context: GraphqlContext = { actor: ANONYMOUS, scopes: [], sql: { query: unused }, now: 0, loaders, log };
  const ask = async (query: string, accept = "application/json") => {
    const response = await yoga.fetch(
      new Request("http://localhost/api/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", accept },
        body: JSON.stringify({ query }),
      }),
      context,
    );
    return {
      status: response.status,
      body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] },
    };
  };
  return { ask, calls, lines, yoga, context };
}

describe("the GraphQL server's limits", () => {
  it("answers a query within them", async () => {
    const { ask, calls } = server();
    const { status, body } = await ask(`{ roots { path units { path } } }`);
    expect(status).toBe(200);
    expect(body).toEqual({ data: { roots: [{ path: "acme", units: [] }] } });
    expect(calls).toEqual(["roots", "units"]);
  });

  it("refuses a query too deep before any resolver runs, with 400 under either Accept", async () => {
    const { ask, calls } = server();
    const deep = `{ roots { ${"units { ".repeat(7)}path${" }".repeat(7)} } }`;
    for (const accept of ["application/json", "application/graphql-response+json"]) {
      const { status, body } = await ask(deep, accept);
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors).toContainEqual(
        expect.objectContaining({
          message: "The query nests fields 9 deep, more than the maximum depth of 8",
          extensions: expect.objectContaining({ code: "QUERY_TOO_DEEP" }),
        }),
      );
    }
    expect(calls).toEqual([]);
  });

  it("refuses a query too costly before any resolver runs", async () => {
    const { ask, calls } = server();
    // roots 1 + 3 × (units 1 + 10 × (1 + 10 × (1 + 10 × (units 1 + 10 × path 1))))
    const { status, body } = await ask(`{ roots { units { units { units { units { path } } } } } }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/^The query could cost 33,334, over the budget of 5,000/);
    expect(calls).toEqual([]);
  });

  it("refuses a query text over the size limit before parsing it", async () => {
    const { ask, calls } = server();
    const padded = `{ roots { path } }${" ".repeat(GRAPHQL_LIMITS.maxQueryBytes)}`;
    const { status, body } = await ask(padded);
    expect(status).toBe(413);
    expect(body.errors?.[0]?.message).toBe(`The query is ${padded.length} bytes long, more than the maximum of 16384 bytes`);
    expect(calls).toEqual([]);
  });

  it("answers a syntax error with 400 and the parser's message only", async () => {
    const { ask } = server();
    const { status, body } = await ask(`{ roots { path }`);
    expect(status).toBe(400);
    expect(body.errors).toEqual([expect.objectContaining({ message: "Syntax Error: Expected Name, found <EOF>." })]);
  });

  it("refuses mutations: there are none", async () => {
    const { ask } = server();
    const { status, body } = await ask(`mutation { roots { path } }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toBe("Schema is not configured to execute mutation operation.");
  });

  it("masks a resolver's failure in the answer and logs it with the original error", async () => {
    const { ask, lines } = server();
    const { status, body } = await ask(`{ system(path: "acme") { path } }`);
    expect(status).toBe(200);
    expect(body).toEqual({
      data: { system: null },
      errors: [expect.objectContaining({ message: "Unexpected error.", path: ["system"], extensions: { code: "INTERNAL_SERVER_ERROR" } })],
    });
    expect(JSON.stringify(body)).not.toMatch(/relation|SELECT|stack/);
    expect(lines.join("")).toContain('relation \\"system\\" does not exist');
  });

  it("serves neither GraphiQL nor a landing page", async () => {
    const { yoga, context } = server();
    const response = await yoga.fetch(new Request("http://localhost/api/graphql", { headers: { accept: "text/html" } }), context);
    expect(response.status).toBe(406);
    expect(response.headers.get("content-type") ?? "").not.toMatch(/html/);
    expect(await response.text()).not.toMatch(/<script/i);
  });

  it("grants no cross-origin reads", async () => {
    const { yoga, context } = server();
    const response = await yoga.fetch(
      new Request("http://localhost/api/graphql?query=%7Broots%7Bpath%7D%7D", { headers: { origin: "https://elsewhere.example" } }),
      context,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
  });
});
