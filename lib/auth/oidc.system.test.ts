import { chromium, type Browser, type Page } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseModel } from "@/lib/model-file/parse-model";
import { createUser, setDisabled } from "@/lib/store/users";
import { startApp, type AppProcess } from "@/lib/testing/app-process";
import { startOidcIssuer, type OidcIssuer } from "@/lib/testing/oidc-issuer";
import { prepareSystemDatabase, type SystemDatabase } from "@/lib/testing/system-database";

/**
 * Signing in through an OpenID Connect provider (docs/access.md "OIDC"), end to end: the built
 * console configured by AUTH_OIDC_* against a local provider (lib/testing/oidc-issuer.ts), driven
 * by Chromium from the sign-in page's button through the provider and back. An identity signs in
 * as the existing, enabled account with its verified email, with that account's roles; any other
 * identity is turned away with a sentence.
 */
const MODEL = parseModel("version: 1\nsystems:\n  - { path: acme, name: Acme }\n  - { path: acme/ops, name: Ops }\n", "yaml");
const ACCOUNT = "grace@acme.example";

let setup: SystemDatabase;
let issuer: OidcIssuer;
let app: AppProcess;
let browser: Browser;
beforeAll(async () => {
  issuer = await startOidcIssuer({ sub: "grace-1", email: ACCOUNT, emailVerified: true });
  setup = await prepareSystemDatabase(MODEL, "vsm_oidc");
  const db = setup.open();
  try {
    await createUser(
      db.sql,
      { email: ACCOUNT, name: "Grace", passwordHash: null, grants: [{ role: "viewer", scope: "acme/ops" }] },
      "test",
    );
    await createUser(db.sql, { email: "off@acme.example", passwordHash: null, grants: [{ role: "viewer", scope: "" }] }, "test");
    await setDisabled(db.sql, "off@acme.example", true, "test");
  } finally {
    await db.close();
  }
  app = await startApp((url) => ({
    ...setup.env,
    // localhost, not 127.0.0.1: Next hands route handlers a loopback address as localhost (docs/access.md).
    AUTH_URL: url.replace("127.0.0.1", "localhost"),
    AUTH_OIDC_ISSUER: issuer.url,
    AUTH_OIDC_ID: issuer.clientId,
    AUTH_OIDC_SECRET: issuer.clientSecret,
    AUTH_OIDC_NAME: "Acme SSO",
  }));
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.kill("SIGTERM");
  await issuer?.close();
  await setup?.remove();
});

/** The console at its AUTH_URL. */
const base = () => app.url.replace("127.0.0.1", "localhost");

/** From a signed-out visit to `path`, through the provider's button; resolves where the browser lands. */
async function signInWithProvider(page: Page, path: string): Promise<URL> {
  await page.goto(`${base()}${path}`);
  await page.waitForURL(/\/sign-in\?next=/);
  await page.getByRole("button", { name: "Sign in with Acme SSO" }).click();
  await page.waitForURL((url) => url.pathname !== "/sign-in" || url.searchParams.has("error"));
  return new URL(page.url());
}

describe("signing in with an OpenID Connect provider", () => {
  it("signs the identity in as the account with its verified email, with that account's roles only", async () => {
    issuer.identity = { sub: "grace-1", email: ACCOUNT, emailVerified: true };
    const page = await browser.newPage();
    const landed = await signInWithProvider(page, "/signals");
    expect(landed.pathname).toBe("/signals");
    await page.getByRole("heading", { level: 1, name: "Signals" }).waitFor();
    await expect(page.getByText(ACCOUNT).count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: "e2e/.artifacts/oidc-signed-in.png", fullPage: true });
    // The session is the console's own: its API answers the cookie, with the account's viewer role on acme/ops alone.
    const graphql = await page.request.get(`${base()}/api/graphql?query=${encodeURIComponent("{ roots { path } }")}`);
    expect(graphql.status()).toBe(200);
    expect(await graphql.json()).toEqual({ data: { roots: [{ path: "acme/ops" }] } });
    expect((await page.request.get(`${base()}/api/metrics`)).status()).toBe(403);
    expect(issuer.refusals).toEqual([]);
    await page.close();
  });

  it("turns away an identity with no account, an unverified email and a disabled account, saying why", async () => {
    for (const identity of [
      { sub: "stranger", email: "stranger@elsewhere.example", emailVerified: true },
      { sub: "grace-2", email: ACCOUNT, emailVerified: false },
      { sub: "off", email: "off@acme.example", emailVerified: true },
    ]) {
      issuer.identity = identity;
      const page = await browser.newPage();
      const landed = await signInWithProvider(page, "/");
      expect(landed.pathname, identity.email).toBe("/sign-in");
      await page.getByText("That identity has no account here, or its account is disabled.").waitFor();
      const api = await page.request.get(`${base()}/api/graphql?query=${encodeURIComponent("{ roots { path } }")}`);
      expect(api.status(), identity.email).toBe(401);
      await page.close();
    }
    expect(issuer.refusals).toEqual([]);
  });
});
