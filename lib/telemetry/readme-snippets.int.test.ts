import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHandlerServer, type HandlerServer } from "@/lib/testing/handler-server";
import { readmeSnippet, README_CONSOLE } from "@/lib/testing/readme-snippet";
import { createTelemetryHarness, type TelemetryHarness } from "@/lib/testing/telemetry-harness";
import { testToken } from "@/lib/testing/test-keys";

/**
 * The README's "Sending telemetry" snippets, run as a reader would run them — the shell command
 * with curl, the OpenTelemetry SDK code with node — against the ingestion handlers, with only the
 * console's address replaced and the key in VSM_API_KEY. (The Prometheus snippet runs in
 * prometheus.int.test.ts.)
 */
let h: TelemetryHarness;
let server: HandlerServer;
// Inside node_modules, so that the snippet's imports resolve to this checkout's packages.
const scratch = path.join(import.meta.dirname, "../../node_modules/.cache/vsm-readme-snippets");
beforeAll(async () => {
  h = await createTelemetryHarness();
  server = await startHandlerServer({ "/api/v1/observations": h.routes.observations, "/api/otlp/v1/metrics": h.routes.otlp });
  mkdirSync(scratch, { recursive: true });
});
afterAll(async () => {
  await server.close();
  await h.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Asynchronous, so that this process's own server can answer while the child waits on it. */
function run(command: string, args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { env: env(), encoding: "utf8" }, (error, stdout, stderr) =>
      resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const env = () => ({ ...process.env, VSM_API_KEY: testToken("ingest", "acme/ops").token });
const values = (key: string) =>
  h.db.sql.query<{ value: number }>(
    `SELECT o.value FROM observation o JOIN indicator i ON i.id = o.indicator_id WHERE i.key = $1 ORDER BY o.observed_at`,
    [key],
  );

describe("the README's snippets", () => {
  it("curl: the JSON batch is stored and answered, and a resend is a replay", async () => {
    const command = readmeSnippet("curl").replaceAll(README_CONSOLE, server.url);
    for (const replayed of [false, true]) {
      const result = await run("bash", ["-c", `${command.trim()} -i`]);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^HTTP\/1\.1 200/);
      expect(/idempotent-replayed: true/i.test(result.stdout)).toBe(replayed);
      expect(JSON.parse(result.stdout.slice(result.stdout.indexOf("{")))).toMatchObject({ received: 1, stored: 1, stepped: 1 });
    }
  });

  it("OpenTelemetry SDK: the gauge and the counter it sets up arrive, as values and as a rate", async () => {
    const file = path.join(scratch, "otel-sdk.mjs");
    writeFileSync(
      file,
      `${readmeSnippet("otel-sdk").replaceAll(README_CONSOLE, server.url)}
// What a running service would do over time, compressed: record, export, record, shut down.
queueDepth = 4;
requests.add(10);
await provider.forceFlush();
await new Promise((resolve) => setTimeout(resolve, 50));
queueDepth = 6;
requests.add(10);
await provider.shutdown();
`,
    );
    const result = await run(process.execPath, [file]);
    expect(result.status, result.stderr).toBe(0);
    expect((await values("queue-depth")).map((r) => r.value)).toEqual([4, 6]);
    const rates = await values("http-requests-total");
    expect(rates).toHaveLength(1);
    expect(rates[0]!.value).toBeGreaterThan(0);
  });
});
