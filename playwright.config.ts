import { defineConfig, devices } from "@playwright/test";
import { ADMIN_STATE } from "./e2e/sign-in-helper";

/**
 * End-to-end tests drive the built app (`next start`) in Debian's Chromium; Playwright's own
 * browser downloads cannot reach the network here. Run through `npm run test:e2e`, which builds
 * the app and gives the server a fresh database of its own.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  // The setup project signs in once as the e2e admin (e2e/auth.setup.ts); the specs then start
  // signed in. e2e/sign-in.spec.ts starts signed out on purpose.
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts$/ },
    { name: "console", dependencies: ["setup"], use: { storageState: ADMIN_STATE } },
  ],
  webServer: {
    command: `npx next start -p ${port}`,
    url: `${baseURL}/api/ready`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
