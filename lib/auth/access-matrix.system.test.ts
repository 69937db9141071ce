import { chromium, type Browser } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { jsonBody, gauge, resourceMetrics } from "@/lib/ingest/otlp/otel-fixtures";
import { writeRequestBody } from "@/lib/ingest/prometheus/remote-write-fixtures";
import { parseModel } from "@/lib/model-file/parse-model";
import { createUser } from "@/lib/store/users";
import {
  HOME,
  HOME_UNIT,
  MATRIX_ACTORS,
  MATRIX_CALLERS,
  OTHER,
  ROUTE_ACCESS,
  type MatrixActor,
  type Outcome,
} from "@/lib/testing/access-matrix";
import { startApp, type AppProcess } from "@/lib/testing/app-process";
import { raiseTestSignal } from "@/lib/testing/raise-test-signal";
import { signInThroughForm } from "@/lib/testing/browser-sign-in";
import { prepareSystemDatabase, type SystemDatabase } from "@/lib/testing/system-database";
import { insertTestKeys, testToken } from "@/lib/testing/test-keys";

/**
 * The route handlers' rows of the authorization matrix (lib/testing/access-matrix.ts), through
 * the built console: every route, as each of seven callers — nobody, people signed in through
 * the real form (their session cookie), and API keys — aimed at HOME's unit, signal and silence.
 * A refusal is 401, 403, or 404 for what the caller may not see; anything else under 500 is an
 * allowance; a 500 fails outright. A caller who may not read HOME must not find HOME's unit or
 * signal in what it is allowed to read. Then every answer and every line the server wrote is
 * searched for the secrets in play: passwords and their hashes, API-key secrets, session
 * cookies, AUTH_SECRET, CRON_SECRET and the metrics token.
 */
const MODEL = parseModel(
  `version: 1
systems:
  - { path: acme, name: Acme }
  - { path: ${HOME}, name: Payments }
  - path: ${HOME_UNIT}
    name: Payments API
    indicators:
      - { key: latency, name: p99 latency, unit: ms, direction: down }
  - { path: ${OTHER}, name: Platform }
  - path: ${OTHER}/db
    name: Database
    indicators:
      - { key: connections, name: Connections, unit: "1", direction: down }
`,
  "yaml",
);
const SECRETS = {
  AUTH_SECRET: "matrix-auth-secret-0123456789-abcdefghijklmnop",
  CRON_SECRET: "matrix-cron-secret-0123456789",
  VSM_METRICS_TOKEN: "matrix-metrics-token-0123456789",
};
const PASSWORD = (actor: MatrixActor) => `${actor} passphrase for the matrix`;
const MINUTE = 60_000;
const NOW = Math.floor(Date.now() / MINUTE) * MINUTE;

let setup: SystemDatabase;
let app: AppProcess;
let browser: Browser;
const credentials = new Map<MatrixActor, Record<string, string>>();
const cookies: string[] = [];
let signalId = "";

beforeAll(async () => {
  setup = await prepareSystemDatabase(MODEL, "vsm_matrix");
  const db = setup.open();
  try {
    await insertTestKeys(db.sql, ["", HOME, OTHER]);
    for (const actor of MATRIX_ACTORS) {
      const who = MATRIX_CALLERS[actor];
      if (who.kind !== "user") continue;
      await createUser(
        db.sql,
        {
          email: `${actor.toLowerCase()}@acme.example`,
          passwordHash: await hashPassword(PASSWORD(actor)),
          grants: [{ role: who.role, scope: who.scope }],
        },
        "test",
      );
    }
    signalId = (await raiseTestSignal(db.sql, HOME_UNIT)).id;
  } finally {
    await db.close();
  }
  app = await startApp({ ...setup.env, ...SECRETS, LOG_LEVEL: "info" });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  for (const actor of MATRIX_ACTORS) {
    const who = MATRIX_CALLERS[actor];
    if (who.kind === "anonymous") credentials.set(actor, {});
    else if (who.kind === "key") credentials.set(actor, { authorization: `Bearer ${testToken(who.role, who.scope).token}` });
    else {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signInThroughForm(page, `${app.url}/`, `${actor.toLowerCase()}@acme.example`, PASSWORD(actor));
      const jar = await context.cookies(app.url);
      cookies.push(...jar.map((c) => c.value));
      // A cookie-authenticated change must come from the console's own origin, as a browser's does.
      credentials.set(actor, { cookie: jar.map((c) => `${c.name}=${c.value}`).join("; "), origin: app.url });
      await context.close();
    }
  }
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.kill("SIGTERM");
  await setup?.remove();
});

/** A running silence of HOME's unit, made by the whole-model admin. */
async function freshSilence(): Promise<string> {
  const silence = await send("POST", "/api/v1/silences", credentials.get("admin")!, {
    matcher: { unitPath: HOME_UNIT },
    endsAt: NOW + 60 * MINUTE,
    reason: "matrix",
  });
  expect(silence.status, silence.text).toBe(201);
  return (JSON.parse(silence.text) as { silence: { id: string } }).silence.id;
}

/** Every answer of the test, for the search for secrets at the end. */
const answers: string[] = [];

async function send(method: string, path: string, headers: Record<string, string>, body?: unknown, type = "application/json") {
  const raw = body instanceof Uint8Array ? new Uint8Array(body) : body === undefined ? undefined : JSON.stringify(body);
  const extra: Record<string, string> =
    body instanceof Uint8Array ? { "content-encoding": "snappy", "x-prometheus-remote-write-version": "0.1.0" } : {};
  const controller = new AbortController();
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: { ...headers, ...extra, ...(raw === undefined ? {} : { "content-type": type }) },
    body: raw,
    signal: controller.signal,
    redirect: "manual",
  });
  // A stream never ends by itself: its status and headers are the answer here.
  const text = response.headers.get("content-type")?.startsWith("text/event-stream") ? "" : await response.text();
  controller.abort();
  const headerText = [...response.headers]
    .filter(([name]) => name !== "set-cookie")
    .map(([n, v]) => `${n}: ${v}`)
    .join("\n");
  answers.push(`${method} ${path} ${response.status}\n${headerText}\n${text}`);
  return { status: response.status, text };
}

/** One request per route, aimed at HOME. */
const REQUESTS: Record<string, () => [string, unknown?, string?] | Promise<[string, unknown?, string?]>> = {
  "GET /api/health": () => ["/api/health"],
  "GET /api/ready": () => ["/api/ready"],
  "GET /api/auth/[...nextauth]": () => ["/api/auth/session"],
  "POST /api/auth/[...nextauth]": () => ["/api/auth/signout", "csrfToken=none", "application/x-www-form-urlencoded"],
  "GET /api/[[...rest]]": () => ["/api/nothing-here"],
  "POST /api/[[...rest]]": () => ["/api/nothing-here", {}],
  "PUT /api/[[...rest]]": () => ["/api/nothing-here", {}],
  "PATCH /api/[[...rest]]": () => ["/api/nothing-here", {}],
  "DELETE /api/[[...rest]]": () => ["/api/nothing-here"],
  "GET /api/cron/deadlines": () => ["/api/cron/deadlines"],
  "GET /api/metrics": () => ["/api/metrics"],
  "GET /api/graphql": () => [`/api/graphql?query=${encodeURIComponent("{ signals(first: 10) { nodes { id unitPath } } roots { path } }")}`],
  "POST /api/graphql": () => ["/api/graphql", { query: `{ signal(id: "${signalId}") { id unitPath } }` }],
  "POST /api/otlp/v1/metrics": () => [
    "/api/otlp/v1/metrics",
    jsonBody(resourceMetrics({ "vsm.unit": HOME_UNIT }, [gauge("latency", [{ end: [Math.floor(NOW / 1000) - 3600, 0], value: 120 }])])),
  ],
  "POST /api/v1/observations": () => [
    "/api/v1/observations",
    { observations: [{ unit: HOME_UNIT, indicator: "latency", time: NOW - 30 * MINUTE, value: 120 }] },
  ],
  "GET /api/v1/observations": () => [
    `/api/v1/observations?unit=${HOME_UNIT}&indicator=latency&from=${NOW - 60 * MINUTE}&to=${NOW}&step=5m`,
  ],
  "POST /api/v1/write": () => [
    "/api/v1/write",
    writeRequestBody([{ labels: { __name__: "latency", vsm_unit: HOME_UNIT }, samples: [{ value: 121, timestamp: NOW - 20 * MINUTE }] }]),
    "application/x-protobuf",
  ],
  "POST /api/v2/alerts": () => [
    "/api/v2/alerts",
    [{ labels: { alertname: "MatrixAlert", vsm_unit: HOME_UNIT }, annotations: {}, startsAt: new Date(NOW - MINUTE).toISOString() }],
  ],
  "GET /api/v1/stream": () => ["/api/v1/stream"],
  "GET /api/v1/openapi.json": () => ["/api/v1/openapi.json"],
  "GET /api/v1/systems": () => ["/api/v1/systems"],
  "GET /api/v1/units": () => [`/api/v1/units?system=${HOME}`],
  "GET /api/v1/indicators": () => [`/api/v1/indicators?unit=${HOME_UNIT}`],
  "GET /api/v1/signals": () => ["/api/v1/signals"],
  "GET /api/v1/signals/[id]": () => [`/api/v1/signals/${signalId}`],
  "POST /api/v1/signals/[id]/acknowledge": () => [`/api/v1/signals/${signalId}/acknowledge`, { note: "matrix" }],
  "POST /api/v1/signals/[id]/notes": () => [`/api/v1/signals/${signalId}/notes`, { text: "matrix" }],
  "POST /api/v1/signals/[id]/silence": () => [`/api/v1/signals/${signalId}/silence`, { minutes: 5, reason: "matrix" }],
  "POST /api/v1/signals/[id]/resolve": () => [`/api/v1/signals/${signalId}/resolve`, { resolution: "false-alarm", reason: "matrix" }],
  "GET /api/v1/silences": () => ["/api/v1/silences"],
  "POST /api/v1/silences": () => ["/api/v1/silences", { matcher: { unitPath: HOME_UNIT }, endsAt: NOW + 30 * MINUTE, reason: "matrix" }],
  // A silence of its own for each caller: one ended by the operator cannot be ended again by the admin.
  "POST /api/v1/silences/[id]/end": async () => [`/api/v1/silences/${await freshSilence()}/end`],
  "GET /api/v1/variety": () => ["/api/v1/variety?window=1h"],
  "GET /api/v1/diagnosis": () => ["/api/v1/diagnosis"],
  "GET /api/v1/model": () => ["/api/v1/model"],
  "POST /api/v1/model": () => ["/api/v1/model", MODEL],
};

function outcomeOf(status: number, text: string): Outcome | "error" {
  if (status >= 500) return "error";
  // OTLP refuses points outside the sender's scope as a partial rejection (docs/telemetry-in.md), and each request here sends one.
  if (
    status === 200 &&
    text.includes("partialSuccess") &&
    Number((JSON.parse(text) as OtlpAnswer).partialSuccess?.rejectedDataPoints ?? 0) > 0
  )
    return "deny";
  return status === 401 || status === 403 || status === 404 ? "deny" : "allow";
}
interface OtlpAnswer {
  partialSuccess?: { rejectedDataPoints?: string | number };
}

/** Whether the caller may read HOME: only then may HOME's unit or signal appear in its answers. */
const readsHome = (actor: MatrixActor) => ["viewer", "operator", "admin"].includes(actor);

describe("the authorization matrix through the built console", () => {
  // Acting routes last, resolving last of all: a resolved signal cannot be acknowledged.
  const order = Object.keys(ROUTE_ACCESS).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  it.each(order)("%s", async (key) => {
    const request = REQUESTS[key];
    expect(request, `no request for ${key}: add one beside its row`).toBeDefined();
    const expected = ROUTE_ACCESS[key]!;
    const method = key.split(" ")[0]!;
    const got: string[] = [];
    for (const actor of MATRIX_ACTORS) {
      const [path, body, type] = await request!();
      const { status, text } = await send(method, path, credentials.get(actor)!, body, type);
      const outcome = expected[actor] === "absent" ? (status === 404 ? "absent" : `status ${status}`) : outcomeOf(status, text);
      if (outcome !== expected[actor]) got.push(`${actor}: expected ${expected[actor]}, got ${outcome} (${status} ${text.slice(0, 160)})`);
      // Ingestion answers repeat what the sender sent; the API's description names example paths.
      const echoes = key.includes("openapi.json") || /^POST \/api\/(otlp|v1\/observations|v1\/write|v2\/alerts)/.test(key);
      if (outcome === "allow" && !readsHome(actor) && !echoes) {
        for (const mark of [HOME_UNIT, signalId])
          if (text.includes(mark)) got.push(`${actor}: ${key} showed ${mark}, which it may not read`);
      }
    }
    expect(got).toEqual([]);
  });

  it("says no secret in any answer, page or log line", async () => {
    for (const actor of MATRIX_ACTORS) {
      for (const page of ["/", "/signals", `/signals/${signalId}`, "/variety", "/diagnosis", "/admin", "/sign-in", "/first-admin"]) {
        await send("GET", page, credentials.get(actor)!);
      }
    }
    // Wrong credentials of every kind, which a careless log would repeat.
    await send("GET", "/api/v1/signals", { authorization: `Bearer ${testToken("viewer", HOME).token}x` });
    await send("GET", "/api/metrics", { authorization: `Bearer ${SECRETS.VSM_METRICS_TOKEN}x` });
    await send("GET", "/api/cron/deadlines", { authorization: `Bearer ${SECRETS.CRON_SECRET}x` });
    const db = setup.open();
    const hashes = (await db.sql.query<{ h: string }>(`SELECT password_hash AS h FROM "app_user"`).finally(() => db.close())).map(
      (r) => r.h,
    );
    const secrets = [
      ...Object.values(SECRETS),
      ...MATRIX_ACTORS.map(PASSWORD),
      ...hashes,
      ...["", HOME, OTHER].flatMap((scope) =>
        (["viewer", "ingest", "operator", "admin"] as const).map((role) => testToken(role, scope).secret),
      ),
      ...cookies,
      "$argon2id$",
    ];
    const text = [...answers, app.output()].join("\n");
    expect(answers.length).toBeGreaterThan(250);
    expect(secrets.filter((secret) => secret.length > 0 && text.includes(secret))).toEqual([]);
  });
});

function rank(key: string): number {
  if (key.includes("/resolve")) return 3;
  if (key.startsWith("POST /api/v1/signals/") || key.includes("/silences/")) return 2;
  return key.startsWith("GET") ? 0 : 1;
}
