import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

function request(method: string, path: string, headers: Record<string, string> = {}) {
  return new NextRequest(`http://localhost${path}`, { method, headers });
}

describe("proxy", () => {
  it("passes every routable method through, with the caller's request id or a new one", () => {
    const kept = proxy(request("POST", "/api/health", { "x-request-id": "trace-9" }));
    expect(kept.headers.get("x-middleware-next")).toBe("1");
    expect(kept.headers.get("x-request-id")).toBe("trace-9");
    expect(proxy(request("GET", "/")).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers a method no route can implement with a JSON 501 under /api", async () => {
    for (const path of ["/api/health", "/api", "/api/no/such/route"]) {
      const response = proxy(request("PROPFIND", path, { "x-request-id": "trace-10" }));
      expect(response.status).toBe(501);
      expect(response.headers.get("x-request-id")).toBe("trace-10");
      expect(await response.json()).toEqual({ error: { code: "not_implemented", message: "The PROPFIND method is not supported" } });
    }
  });

  it("leaves pages and look-alike paths to Next", () => {
    expect(proxy(request("PROPFIND", "/apis")).headers.get("x-middleware-next")).toBe("1");
    expect(proxy(request("PROPFIND", "/diagnosis")).headers.get("x-middleware-next")).toBe("1");
  });
});
