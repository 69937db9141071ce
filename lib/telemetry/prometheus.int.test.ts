import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/store/api-keys";
import { freePort } from "@/lib/testing/free-port";
import { readmeSnippet, README_CONSOLE } from "@/lib/testing/readme-snippet";
import { startHandlerServer, type HandlerServer } from "@/lib/testing/handler-server";
import { createTelemetryHarness, HARNESS_MODEL, type TelemetryHarness } from "@/lib/testing/telemetry-harness";

/**
 * Debian's Prometheus binary, unmodified, configured with the README's snippet: it scrapes itself,
 * remote-writes to the console and sends the alerts of a rule to it. CI installs it (.ci/run); a
 * developer machine without it skips this file, CI never does.
 */
const PROMETHEUS = "/usr/bin/prometheus";
const available = existsSync(PROMETHEUS);
if (!available && process.env.CI) throw new Error(`${PROMETHEUS} is missing: .ci/run installs Debian's prometheus package`);

const MODEL = HARNESS_MODEL.replace(
  "      - { key: queue-depth, name: Queue depth, unit: items, direction: down }\n",
  "      - { key: queue-depth, name: Queue depth, unit: items, direction: down }\n" +
    "      - { key: prometheus-http-requests-total, name: HTTP requests served, unit: req/s, direction: up }\n",
);

/** This test's own scraping and rules, then the README's snippet with this test's address and key. */
function config(console: string, token: string): string {
  const snippet = readmeSnippet("prometheus")
    .replaceAll(README_CONSOLE, console)
    .replaceAll(new URL(README_CONSOLE).host, new URL(console).host)
    .replaceAll("vsm_REPLACE_WITH_YOUR_KEY", token);
  return `
global:
  scrape_interval: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: prometheus
    static_configs:
      - targets: ["${PROMETHEUS_ADDRESS}"]
        labels: { vsm_unit: acme/ops/payments }
rule_files: ["rules.yml"]
${snippet}`;
}

const RULES = `
groups:
  - name: vsm
    rules:
      - record: queue_depth
        expr: vector(7)
        labels: { vsm_unit: acme/ops/payments }
      - alert: QueueBacklog
        expr: vector(1) > 0
        labels: { vsm_unit: acme/ops/payments, severity: page }
        annotations: { summary: "Payments queue has a backlog" }
`;

let PROMETHEUS_ADDRESS = "";

let h: TelemetryHarness;
let server: HandlerServer;
let prometheus: ChildProcess | undefined;
let dir: string;
let token: string;
beforeAll(async () => {
  if (!available) return;
  h = await createTelemetryHarness(MODEL);
  PROMETHEUS_ADDRESS = `127.0.0.1:${await freePort()}`;
  ({ token } = await createApiKey(h.db.sql, { name: "prometheus", role: "ingest", scope: "acme" }, "cli:test"));
  server = await startHandlerServer({ "/api/v1/write": h.routes.remoteWrite, "/api/v2/alerts": h.routes.alerts });
  dir = mkdtempSync(path.join(tmpdir(), "vsm-prometheus-"));
  writeFileSync(path.join(dir, "prometheus.yml"), config(server.url, token));
  writeFileSync(path.join(dir, "rules.yml"), RULES);
  prometheus = spawn(
    PROMETHEUS,
    [
      `--config.file=${path.join(dir, "prometheus.yml")}`,
      `--storage.tsdb.path=${path.join(dir, "data")}`,
      `--web.listen-address=${PROMETHEUS_ADDRESS}`,
      "--storage.remote.flush-deadline=1s",
      // Alerts are re-sent every minute by default; the first send can be lost before discovery.
      "--rules.alert.resend-delay=1s",
    ],
    { stdio: "ignore" },
  );
});
afterAll(async () => {
  // SIGKILL: Prometheus would otherwise spend up to a minute flushing to a target about to go away.
  prometheus?.kill("SIGKILL");
  if (!available) return;
  await server.close();
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 40_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; requests seen: ${JSON.stringify(server.seen.slice(-5))}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe.skipIf(!available)("Debian's Prometheus 2.42 as a sender", { timeout: 90_000 }, () => {
  it("remote-writes a recorded gauge and a scraped counter: stored, stepped, the counter as a rate", async () => {
    const depths = await until("queue_depth samples", async () => {
      const rows = await h.db.sql.query<{ value: number; stepped: boolean }>(
        `SELECT o.value, o.stepped FROM observation o JOIN indicator i ON i.id = o.indicator_id WHERE i.key = 'queue-depth'`,
      );
      return rows.length >= 3 ? rows : undefined;
    });
    expect(depths.every((r) => r.value === 7 && r.stepped)).toBe(true);
    const rates = await until("request rates", async () => {
      const rows = await h.db.sql.query<{ value: number }>(
        `SELECT o.value FROM observation o JOIN indicator i ON i.id = o.indicator_id WHERE i.key = 'prometheus-http-requests-total'`,
      );
      return rows.length >= 2 ? rows : undefined;
    });
    expect(rates.every((r) => Number.isFinite(r.value) && r.value >= 0)).toBe(true);
    const writes = server.seen.filter((s) => s.path === "/api/v1/write");
    expect(writes.every((s) => s.status === 204)).toBe(true);
    expect(writes[0]?.headers).toMatchObject({ "content-encoding": "snappy", authorization: `Bearer ${token}` });
  });

  it("sends the alerts of a firing rule, stored as an external alert of the unit", async () => {
    const alert = await until("the QueueBacklog alert", async () => {
      const [row] = await h.db.sql.query<{ name: string; resolved: boolean; linked: boolean; summary: string }>(
        `SELECT name, resolved, system_id IS NOT NULL AS linked, annotations->>'summary' AS summary FROM external_alert WHERE name = 'QueueBacklog'`,
      );
      return row;
    });
    expect(alert).toEqual({ name: "QueueBacklog", resolved: false, linked: true, summary: "Payments queue has a backlog" });
    expect(server.seen.filter((s) => s.path === "/api/v2/alerts").every((s) => s.status === 200)).toBe(true);
  });
});
