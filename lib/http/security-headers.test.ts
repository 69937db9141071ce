import { describe, expect, it } from "vitest";
import { securityHeaders } from "@/lib/http/security-headers";

describe("securityHeaders", () => {
  const base = { nonce: "bm9uY2U=", https: false, development: false };

  it("let only this request's scripts run, frame nothing, and post forms only to the console", () => {
    const csp = securityHeaders(base)["Content-Security-Policy"]!.split("; ");
    expect(csp).toContain("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp.join(";")).not.toContain("unsafe-eval");
  });

  it("allow the OIDC provider as a form target, and eval only in development", () => {
    const headers = securityHeaders({ ...base, development: true, oidcIssuer: "https://accounts.example.com/realms/x" });
    expect(headers["Content-Security-Policy"]).toContain("form-action 'self' https://accounts.example.com;");
    expect(headers["Content-Security-Policy"]).toContain("'strict-dynamic' 'unsafe-eval'");
  });

  it("send HSTS only over TLS, and the other headers always", () => {
    expect(securityHeaders(base)["Strict-Transport-Security"]).toBeUndefined();
    const tls = securityHeaders({ ...base, https: true });
    expect(tls["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
    expect(tls).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
  });
});
