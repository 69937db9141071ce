import pino from "pino";
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { ANONYMOUS, type Actor, type ActorResolver } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { prismaError } from "@/lib/testing/prisma-errors";
import { createRouteWrapper, type NextRouteContext } from "@/lib/http";

interface LogLine {
  level: number;
  msg: string;
  requestId: string;
  status: number;
  code?: string;
  keyId?: string;
  err?: { message: string; stack: string };
}

/** A wrapper whose log lines are kept, with a resolver that returns the actor each test names. */
function setup(actor: Actor | (() => never) = ANONYMOUS) {
  const lines: LogLine[] = [];
  let resolved = 0;
  const resolver: ActorResolver = {
    async resolve() {
      resolved += 1;
      return typeof actor === "function" ? actor() : actor;
    },
  };
  const log = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
  return { withRoute: createRouteWrapper({ resolver, log }), lines, resolvedCount: () => resolved };
}

function get(path = "/api/x", headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${path}`, { headers });
}

function postJson(body: string, headers: Record<string, string> = { "content-type": "application/json" }): Request {
  return new Request("http://localhost/api/x", { method: "POST", body, headers });
}

function withParams(params: Record<string, string | string[]>): NextRouteContext {
  return { params: Promise.resolve(params) };
}

const key = (role: "viewer" | "ingest" | "admin", scope = ""): Actor => ({ kind: "api_key", keyId: "key-7", role, scope });

describe("withRoute: request id and the log line", () => {
  it("keeps the caller's request id, echoes it and logs one line with it", async () => {
    const { withRoute, lines } = setup();
    const handler = withRoute({ permission: "public" }, async ({ requestId }) => Response.json({ requestId }));
    const response = await handler(get("/api/x", { "x-request-id": "trace-1" }));
    expect(response.headers.get("x-request-id")).toBe("trace-1");
    expect(await response.json()).toEqual({ requestId: "trace-1" });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: "request", requestId: "trace-1", status: 200, level: 30 });
  });

  it("makes a new id when the caller sent none", async () => {
    const { withRoute } = setup();
    const response = await withRoute({ permission: "public" }, async () => new Response("ok"))(get());
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it("echoes the id on responses whose headers are immutable, such as redirects", async () => {
    const { withRoute } = setup();
    const handler = withRoute({ permission: "public" }, async () => Response.redirect("http://localhost/elsewhere", 307));
    const response = await handler(get("/api/x", { "x-request-id": "trace-3" }));
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe("http://localhost/elsewhere");
    expect(response.headers.get("x-request-id")).toBe("trace-3");
  });

  it("puts the error id on failed answers too, and logs the code", async () => {
    const { withRoute, lines } = setup();
    const handler = withRoute({ permission: "public" }, async () => {
      throw new AppError("not_found", "No system acme/x");
    });
    const response = await handler(get("/api/x", { "x-request-id": "trace-2" }));
    expect(response.status).toBe(404);
    expect(response.headers.get("x-request-id")).toBe("trace-2");
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "No system acme/x" } });
    expect(lines).toEqual([expect.objectContaining({ status: 404, code: "not_found", level: 30 })]);
  });
});

describe("withRoute: unexpected errors", () => {
  const secret = "connect to postgresql://vsm:hunter2@db.internal:5432/vsm failed";

  it("answers a bare 500 with no message, stack or SQL, and logs the whole error", async () => {
    const { withRoute, lines } = setup();
    const handler = withRoute({ permission: "public" }, async () => {
      throw new Error(secret);
    });
    const response = await handler(get());
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: "internal", message: "Internal server error" } });
    expect(text).not.toMatch(/hunter2|db\.internal|postgresql|at .*\.ts/);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, status: 500, code: "internal", err: { message: secret } });
    expect(lines[0]?.err?.stack).toContain("http.test.ts");
  });

  it("maps a database error in the one place: a unique violation is a 409 with a fixed message", async () => {
    const { withRoute, lines } = setup();
    const handler = withRoute({ permission: "public" }, async () => {
      throw prismaError("P2002");
    });
    const response = await handler(get());
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: { code: "conflict", message: "A record with the same unique value already exists" } });
    expect(lines[0]).toMatchObject({ level: 30, code: "conflict", err: { message: expect.stringContaining("system_path_key") } });
  });

  it("answers a lost database with a generic 503", async () => {
    const { withRoute } = setup();
    const handler = withRoute({ permission: "public" }, async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND db.internal"), { code: "ENOTFOUND" });
    });
    const response = await handler(get());
    expect(response.status).toBe(503);
    expect(await response.text()).not.toContain("db.internal");
  });
});

describe("withRoute: zod", () => {
  const item = z.strictObject({ name: z.string().min(1), level: z.number().int().min(0) });

  it("answers a ZodError thrown inside the handler with 400 or 422 and the fields at fault", async () => {
    const { withRoute } = setup();
    const handler = withRoute({ permission: "public" }, async ({ request }) => {
      item.parse(JSON.parse(new URL(request.url).searchParams.get("item") ?? "null"));
      return new Response("ok");
    });
    const malformed = await handler(get(`/api/x?item=${encodeURIComponent('{"name":"a","level":"2"}')}`));
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({
      error: {
        code: "bad_request",
        message: "The request is malformed: see details",
        details: [{ path: "level", message: "Invalid input: expected number, received string" }],
      },
    });
    const invalid = await handler(get(`/api/x?item=${encodeURIComponent('{"name":"","level":-1}')}`));
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).error.details).toEqual([
      { path: "name", message: "Too small: expected string to have >=1 characters" },
      { path: "level", message: "Too small: expected number to be >=0" },
    ]);
  });

  it("parses params, query and body into typed values for the handler", async () => {
    const { withRoute } = setup();
    const handler = withRoute(
      {
        permission: "public",
        params: z.object({ path: z.array(z.string()) }),
        query: z.object({ limit: z.coerce.number().int().max(100).default(10), tag: z.array(z.string()).optional() }),
        body: item,
      },
      async ({ params, query, body }) => {
        expectTypeOf(params).toEqualTypeOf<{ path: string[] }>();
        expectTypeOf(query.limit).toEqualTypeOf<number>();
        expectTypeOf(body).toEqualTypeOf<{ name: string; level: number }>();
        return Response.json({ params, query, body });
      },
    );
    const request = new Request("http://localhost/api/x?limit=20&tag=a&tag=b", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "Ops", level: 1 }),
    });
    const response = await handler(request, withParams({ path: ["acme", "ops"] }));
    expect(await response.json()).toEqual({
      params: { path: ["acme", "ops"] },
      query: { limit: 20, tag: ["a", "b"] },
      body: { name: "Ops", level: 1 },
    });
  });

  it("reports the issues of every part together, saying where each was", async () => {
    const { withRoute } = setup();
    let called = false;
    const handler = withRoute(
      {
        permission: "public",
        params: z.object({ id: z.coerce.number().int().positive() }),
        query: z.object({ limit: z.coerce.number().max(100) }),
        body: item,
      },
      async () => {
        called = true;
        return new Response("ok");
      },
    );
    const request = new Request("http://localhost/api/x?limit=500", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "", level: 0 }),
    });
    const response = await handler(request, withParams({ id: "0" }));
    expect(response.status).toBe(422);
    expect((await response.json()).error.details).toEqual([
      { in: "params", path: "id", message: "Too small: expected number to be >0" },
      { in: "query", path: "limit", message: "Too big: expected number to be <=100" },
      { in: "body", path: "name", message: "Too small: expected string to have >=1 characters" },
    ]);
    expect(called).toBe(false);
  });

  it("answers 400 for a body that is not JSON, 415 for one not declared JSON, 413 above the limit", async () => {
    const { withRoute } = setup();
    const handler = withRoute({ permission: "public", body: item, maxBodyBytes: 64 }, async () => new Response("ok"));
    const notJson = await handler(postJson('{"name": "Ops",'));
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error).toMatchObject({ code: "bad_request", message: "The request body is not valid JSON" });
    expect((await handler(postJson('{"name":"Ops","level":1}', { "content-type": "text/plain" }))).status).toBe(415);
    expect((await handler(postJson(JSON.stringify({ name: "x".repeat(100), level: 1 })))).status).toBe(413);
    expect((await handler(postJson(JSON.stringify({ name: "Ops", level: 1 })))).status).toBe(200);
  });
});

describe("withRoute: actor and permission", () => {
  it("never asks the resolver on a public route", async () => {
    const { withRoute, resolvedCount } = setup(() => {
      throw new Error("the key store is down");
    });
    const response = await withRoute({ permission: "public" }, async ({ actor }) => Response.json(actor))(get());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ kind: "anonymous" });
    expect(resolvedCount()).toBe(0);
  });

  it("answers 401 with WWW-Authenticate when a route needs a permission and there is no key", async () => {
    const { withRoute, resolvedCount } = setup(ANONYMOUS);
    let called = false;
    const handler = withRoute({ permission: "read" }, async () => {
      called = true;
      return new Response("ok");
    });
    const response = await handler(get());
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="vsm-console"');
    expect(await response.json()).toEqual({
      error: { code: "unauthorized", message: "Authentication required: sign in, or send an API key as Authorization: Bearer <key>" },
    });
    expect(resolvedCount()).toBe(1);
    expect(called).toBe(false);
  });

  it("answers 401 when the resolver rejects the credentials", async () => {
    const { withRoute } = setup(() => {
      throw new AppError("unauthorized", "Unknown or revoked API key");
    });
    const response = await withRoute({ permission: "read" }, async () => new Response("ok"))(get());
    expect(response.status).toBe(401);
    expect((await response.json()).error.message).toBe("Unknown or revoked API key");
  });

  it("answers 403 when the key's role lacks the permission, and lets a sufficient role through", async () => {
    const viewer = setup(key("viewer"));
    const forbidden = await viewer.withRoute({ permission: "ingest" }, async () => new Response("ok"))(get());
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).error.code).toBe("forbidden");
    const admin = setup(key("admin"));
    const allowed = await admin.withRoute({ permission: "ingest" }, async ({ actor }) => Response.json(actor))(get());
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual(key("admin"));
    expect(admin.lines[0]).toMatchObject({ keyId: "key-7", status: 200 });
  });

  it("checks the key's scope against the system path the route names, after parsing", async () => {
    const { withRoute } = setup(key("viewer", "acme/ops"));
    const handler = withRoute(
      { permission: "read", params: z.object({ path: z.array(z.string()) }), scope: ({ params }) => params.path.join("/") },
      async () => new Response("ok"),
    );
    expect((await handler(get(), withParams({ path: ["acme", "ops", "payments"] }))).status).toBe(200);
    const outside = await handler(get(), withParams({ path: ["acme", "sales"] }));
    expect(outside.status).toBe(403);
    expect((await outside.json()).error.message).toBe(
      'This API key may not read "acme/sales": it is limited to "acme/ops" and its subtree',
    );
  });

  it("checks permission before reading the body, so an anonymous caller learns nothing of the schema", async () => {
    const { withRoute } = setup(ANONYMOUS);
    const handler = withRoute({ permission: "ingest", body: z.object({ value: z.number() }) }, async () => new Response("ok"));
    expect((await handler(postJson("not json"))).status).toBe(401);
  });
});
