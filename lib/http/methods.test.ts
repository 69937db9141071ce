import { HTTP_METHODS } from "next/dist/server/web/http";
import { describe, expect, it } from "vitest";
import { withRoute } from "@/lib/http";
import { ROUTE_METHODS } from "@/lib/http/http-methods";
import { allowedMethods, routeMethods } from "@/lib/http/methods";

const ok = withRoute({ permission: "public" }, async () => Response.json({ ok: true }));

function call(handler: (request: Request) => Promise<Response>, method: string) {
  return handler(new Request("http://localhost/api/x", { method }));
}

describe("routeMethods", () => {
  it("covers exactly the methods Next.js routes to a handler", () => {
    expect([...ROUTE_METHODS].sort()).toEqual([...HTTP_METHODS].sort());
  });

  it("lists GET with HEAD, and OPTIONS always, in the Allow order", () => {
    expect(allowedMethods({ GET: ok })).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(allowedMethods({ DELETE: ok, POST: ok, GET: ok })).toEqual(["GET", "HEAD", "POST", "DELETE", "OPTIONS"]);
    expect(allowedMethods({ POST: ok })).toEqual(["POST", "OPTIONS"]);
  });

  it("answers every method a GET route lacks with a JSON 405 and Allow", async () => {
    const route = routeMethods({ GET: ok });
    for (const method of ["POST", "PUT", "PATCH", "DELETE"] as const) {
      const response = await call(route[method], method);
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
      expect(response.headers.get("x-request-id")).toBeTruthy();
      expect(await response.json()).toEqual({
        error: { code: "method_not_allowed", message: `${method} is not allowed here; allowed: GET, HEAD, OPTIONS` },
      });
    }
    expect((await call(route.GET, "GET")).status).toBe(200);
    expect((await call(route.HEAD, "HEAD")).status).toBe(200);
  });

  it("answers OPTIONS with 204 and the same Allow", async () => {
    const response = await call(routeMethods({ GET: ok, POST: ok }).OPTIONS, "OPTIONS");
    expect(response.status).toBe(204);
    expect(response.headers.get("allow")).toBe("GET, HEAD, POST, OPTIONS");
  });

  it("refuses GET and HEAD on a route without GET", async () => {
    const route = routeMethods({ POST: ok });
    for (const method of ["GET", "HEAD"] as const) {
      const response = await call(route[method], method);
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST, OPTIONS");
    }
  });
});
