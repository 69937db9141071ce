import { chromium, type Browser } from "@playwright/test";
import { afterAll, describe, expect, it } from "vitest";
import { ingestClient } from "@/lib/simulate/ingest-client";
import { SCENARIOS } from "@/lib/simulate/scenarios";
import { scriptedOperator } from "@/lib/simulate/scripted-operator";
import { runSimulator, type SimulatorTotals } from "@/lib/simulate/simulator";
import { loadExample } from "@/lib/startup/load-example";
import { hashPassword } from "@/lib/auth/password";
import { createApiKey } from "@/lib/store/api-keys";
import { signalsRaisedSince } from "@/lib/store/signals";
import { createUser } from "@/lib/store/users";
import { startApp } from "@/lib/testing/app-process";
import { signInThroughForm } from "@/lib/testing/browser-sign-in";
import { prepareSystemDatabase } from "@/lib/testing/system-database";

/**
 * The simulator against the built console (docs/simulator.md): the saas example, with allowances
 * of seconds instead of minutes so that the test need not wait, fed at 600× (a simulated minute
 * every 100 ms) through the public endpoints with an ingest key. While it runs, Chromium opens the
 * Signals page, finds the scripted step on the Payments API's p99 latency and follows it to its
 * timeline, which shows the escalation the console's own deadline worker fired and the scripted
 * operator's acknowledgement; the Variety page then measures disturbance and response variety.
 */
const STEP = { unit: "acme/payments/checkout/payments-api", indicator: "latency-p99" };
const OPERATOR = { email: "operator@acme.example", password: "simulated operator's passphrase" };
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function until(what: string, check: () => Promise<boolean>, timeout: number): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe("the simulator running against the console", () => {
  it("gives a step signal on the Signals page whose timeline shows its escalation", async () => {
    const model = await loadExample("saas");
    const root = model.systems.find((s) => s.path === "acme")!;
    root.policy = { escalation: { allowances: [20_000, 15_000, 10_000, 5_000] } };
    const setup = await prepareSystemDatabase(model, "vsm_simulator");
    cleanups.push(setup.remove);
    const db = setup.open();
    cleanups.push(() => db.close());
    const { token } = await createApiKey(db.sql, { name: "simulator", role: "ingest", scope: "" }, "test");
    const grants = [{ role: "operator" as const, scope: "" }];
    await createUser(db.sql, { email: OPERATOR.email, passwordHash: await hashPassword(OPERATOR.password), grants }, "test");
    const app = await startApp(setup.env);
    cleanups.push(() => app.kill());

    const controller = new AbortController();
    const operator = scriptedOperator(db, SCENARIOS.saas!, { startedAt: Date.now(), speed: 600 });
    const running: Promise<SimulatorTotals> = runSimulator({
      client: ingestClient(app.url, token, controller.signal),
      model,
      incidents: SCENARIOS.saas!,
      seed: 42,
      speed: 600,
      signal: controller.signal,
      onMinute: async (minute) => void (await operator.act(minute)),
    });
    cleanups.push(() => (controller.abort(), running.catch(() => undefined)));
    const startedAt = Date.now() - 1_000;
    const stepSignal = async () =>
      (await signalsRaisedSince(db.sql, startedAt)).find(
        (s) => s.unitPath === STEP.unit && s.indicator === STEP.indicator && s.valence === "pain" && s.closedAt === null,
      );
    await until("the step's signal to escalate", async () => ((await stepSignal())?.holderLevel ?? 3) < 3, 90_000);

    const browser: Browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox"],
    });
    cleanups.push(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signInThroughForm(page, `${app.url}/signals`, OPERATOR.email, OPERATOR.password);
    const row = page
      .getByRole("table", { name: "Signals" })
      .getByRole("row")
      .filter({ hasText: STEP.unit })
      .filter({ hasText: /step on latency-p99/ });
    await row.first().waitFor();
    expect(await row.first().getByText("pain").count()).toBeGreaterThan(0);
    await page.screenshot({ path: "e2e/.artifacts/simulator-signals.png", fullPage: true });
    await row.first().getByRole("link").click();
    await page.getByRole("heading", { level: 1, name: "step on latency-p99" }).waitFor();
    await page
      .getByRole("list", { name: "Timeline" })
      .getByText(/escalated to acme\/payments\/checkout \(level 2\)/)
      .waitFor();
    // The scripted operator acknowledged it three simulated minutes after the step, with a note.
    await page.getByRole("list", { name: "Timeline" }).getByText("bad deploy suspected; rolling back").waitFor();
    await page.screenshot({ path: "e2e/.artifacts/simulator-timeline.png", fullPage: true });

    // The Variety page measures the run: the step's pain reached Acme Cloud, and the operator's acknowledgement is a response.
    await page.goto(`${app.url}/variety?window=1h`);
    const acme = page.getByRole("table", { name: "Variety of each system in Acme Cloud" }).getByRole("row", { name: /^acme / });
    await acme.waitFor();
    const [disturbance, regulatory] = await Promise.all([
      acme.getByRole("cell").nth(0).innerText(),
      acme.getByRole("cell").nth(1).innerText(),
    ]);
    expect(Number(disturbance)).toBeGreaterThan(0);
    expect(Number(regulatory)).toBeGreaterThan(0);
    await page.screenshot({ path: "e2e/.artifacts/simulator-variety.png", fullPage: true });
    expect(controller.signal.aborted).toBe(false);
  }, 180_000);
});
