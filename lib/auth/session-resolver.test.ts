import { describe, expect, it } from "vitest";
import { ANONYMOUS, type Actor } from "@/lib/auth/actor";
import { clientAddress } from "@/lib/auth/client-address";
import { safeNextPath } from "@/lib/auth/page-actor";
import { sessionOrKeyResolver } from "@/lib/auth/session-resolver";
import { AppError } from "@/lib/errors";

const person: Actor = { kind: "user", userId: "u1", email: "ann@acme.example", name: "", grants: [{ role: "operator", scope: "" }] };
const keyActor: Actor = { kind: "api_key", keyId: "k1", role: "ingest", scope: "" };
const resolver = (session: Actor) => sessionOrKeyResolver({ resolve: async () => keyActor }, async () => session);
const request = (method: string, headers: Record<string, string> = {}) =>
  new Request("http://console.example/api/v1/x", { method, headers });

async function outcome(work: Promise<Actor>): Promise<Actor | number> {
  return work.catch((error: unknown) => (error instanceof AppError ? error.status : Promise.reject(error)));
}

describe("sessionOrKeyResolver", () => {
  it("takes an Authorization header as a program's key, never the cookie beside it", async () => {
    expect(await resolver(person).resolve(request("POST", { authorization: "Bearer k" }))).toBe(keyActor);
  });

  it("lets a session read from anywhere but change things only from the console's own origin", async () => {
    const r = resolver(person);
    expect(await r.resolve(request("GET"))).toBe(person);
    expect(await outcome(r.resolve(request("POST")))).toBe(403);
    expect(await outcome(r.resolve(request("POST", { origin: "https://evil.example", host: "console.example" })))).toBe(403);
    expect(await outcome(r.resolve(request("DELETE", { "sec-fetch-site": "cross-site" })))).toBe(403);
    expect(await r.resolve(request("POST", { origin: "http://console.example", host: "console.example" }))).toBe(person);
    expect(await r.resolve(request("PATCH", { "sec-fetch-site": "same-origin" }))).toBe(person);
    expect(await outcome(r.resolve(request("POST", { origin: "not a url", host: "console.example" })))).toBe(403);
  });

  it("leaves nobody as nobody, for the wrapper to answer 401", async () => {
    expect(await resolver(ANONYMOUS).resolve(request("POST"))).toBe(ANONYMOUS);
  });
});

describe("clientAddress", () => {
  it("trusts only the last X-Forwarded-For entry, the one the nearest proxy wrote", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 10.0.0.7" }))).toBe("10.0.0.7");
    expect(clientAddress(new Headers({ "x-real-ip": "10.0.0.8" }))).toBe("10.0.0.8");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});

describe("safeNextPath", () => {
  it("goes back only to a page of this console", () => {
    expect(safeNextPath("/signals?state=open")).toBe("/signals?state=open");
    for (const bad of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "signals", undefined, ["/a"]])
      expect(safeNextPath(bad)).toBe("/");
  });
});
