import { chromium } from "@playwright/test";
import { afterAll, describe, expect, it } from "vitest";
import { loadExample } from "@/lib/startup/load-example";
import { recentAudit } from "@/lib/store/audit-events";
import { listUsers } from "@/lib/store/users";
import { startApp } from "@/lib/testing/app-process";
import { prepareSystemDatabase } from "@/lib/testing/system-database";

/**
 * The first start of the built console on a database with no account (docs/access.md "First
 * start"): it prints a one-time link; Chromium opens it and creates the first admin, who lands on
 * the Overview signed in; the link is dead afterwards and a restart prints none.
 */
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const LINK = /http:\/\/localhost:\d+\/first-admin\?token=([A-Za-z0-9_-]{43})/;

async function printed(output: () => string, pattern: RegExp, timeout = 30_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const match = output().match(pattern);
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`nothing matching ${pattern} was printed:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("the first start", () => {
  it("prints a one-time link with which the first admin is created and signed in", async () => {
    const setup = await prepareSystemDatabase(await loadExample("saas"), "vsm_first_admin");
    cleanups.push(setup.remove);
    const app = await startApp(setup.env);
    cleanups.push(() => app.kill());
    const [, token] = await printed(app.output, LINK);

    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
    cleanups.push(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // The link names localhost and the port; the test's server listens on 127.0.0.1.
    await page.goto(`${app.url}/first-admin?token=${token}`);
    await page.getByLabel("Email").fill("Founder@Acme.example");
    await page.getByLabel("Name").fill("Fay Founder");
    await page.getByLabel("Password (12 characters or more)").fill("the founder's passphrase");
    await page.getByLabel("Password again").fill("the founder's passphrase");
    await page.screenshot({ path: "e2e/.artifacts/first-admin.png" });
    await page.getByRole("button", { name: "Create the admin account" }).click();
    await page.waitForURL(`${app.url}/`);
    await page.getByRole("heading", { name: "Overview" }).waitFor();
    expect(await page.getByRole("navigation", { name: "Main" }).innerText()).toContain("Fay Founder");

    await page.goto(`${app.url}/first-admin?token=${token}`);
    await page.getByText("This link is used, expired or replaced").waitFor();

    const db = setup.open();
    const users = await listUsers(db.sql);
    expect(users.map((u) => [u.email, u.grants])).toEqual([["founder@acme.example", [{ role: "admin", scope: "" }]]]);
    expect((await recentAudit(db.sql, 5)).map((e) => e.action)).toEqual(
      expect.arrayContaining(["user.first-admin", "user.create", "user.sign-in"]),
    );
    await db.close();

    await app.kill("SIGTERM");
    const again = await startApp(setup.env);
    cleanups.push(() => again.kill());
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(again.output()).not.toMatch(LINK);
  }, 180_000);
});
