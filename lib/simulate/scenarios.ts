import { antiPhase, during, rampTo, silentFrom, spikesAt, stepTo, type Incident } from "@/lib/simulate/incident";
import type { ExampleName } from "@/lib/model-file/examples";

/**
 * The scripted incidents per example model (docs/simulator.md, "The script"). Minutes are
 * simulated minutes from the start of a run; at the default speed of 60 a simulated minute passes
 * in a real second, so the whole script plays in the first four minutes of `npm start`.
 */
const SAAS: readonly Incident[] = [
  {
    name: "recovery",
    kind: "recovery",
    description: "directory-api error rate ×6 for 15 minutes, then back to normal",
    targets: [{ unit: "acme/identity/directory/directory-api", indicator: "error-rate" }],
    from: 45,
    to: 60,
    effect: during(45, 60, 6),
    expect: { signal: "remedied", valence: "pain" },
  },
  {
    name: "outliers",
    kind: "outliers",
    description: "three single login-api latency spikes of ×5",
    targets: [{ unit: "acme/identity/auth/login-api", indicator: "latency-p99" }],
    from: 50,
    to: 141,
    effect: spikesAt([50, 95, 140], 5),
    expect: { signal: "transients" },
  },
  {
    name: "step",
    kind: "step",
    description: "payments-api p99 latency steps up ×1.8 after a bad deploy and stays there",
    targets: [{ unit: "acme/payments/checkout/payments-api", indicator: "latency-p99" }],
    from: 60,
    to: Number.POSITIVE_INFINITY,
    effect: stepTo(60, 1.8),
    responses: [
      { after: 3, by: "alice@acme.example", action: "acknowledge", note: "bad deploy suspected; rolling back", etaMinutes: 30 },
      { after: 5, by: "alice@acme.example", action: "note", text: "rollback blocked by a schema migration; needs the platform team" },
    ],
    expect: { signal: "escalating", valence: "pain" },
  },
  {
    name: "oscillation",
    kind: "oscillation",
    description: "payments-api and ledger-db saturation swing in anti-phase (±25 %, 30-minute period) over the shared database",
    targets: [
      { unit: "acme/payments/checkout/payments-api", indicator: "saturation" },
      { unit: "acme/payments/checkout/ledger-db", indicator: "saturation" },
    ],
    from: 60,
    to: 240,
    effect: antiPhase(60, 240, 30, 0.25),
    responses: [{ after: 10, by: "dba@acme.example", action: "silence", reason: "ledger-db maintenance window", minutes: 60 }],
    expect: { finding: "oscillation" },
  },
  {
    name: "pleasure",
    kind: "pleasure",
    description: "console-frontend largest contentful paint improves ×0.6 after a front-end release",
    targets: [{ unit: "acme/customer/console/console-frontend", indicator: "lcp" }],
    from: 75,
    to: Number.POSITIVE_INFINITY,
    effect: stepTo(75, 0.6),
    responses: [
      { after: 15, by: "carol@acme.example", action: "resolve", reason: "the new release is faster", resolution: "accepted-new-normal" },
    ],
    expect: { signal: "one", valence: "pleasure" },
  },
  {
    name: "ramp",
    kind: "ramp",
    description: "event-bus consumer lag climbs slowly to ×4 over an hour and a half",
    targets: [{ unit: "acme/data/ingest/event-bus", indicator: "consumer-lag" }],
    from: 90,
    to: 180,
    effect: rampTo(90, 180, 4),
    responses: [{ after: 100, by: "dan@acme.example", action: "resolve", reason: "added two consumers", resolution: "fixed" }],
    expect: { signal: "one", valence: "pain" },
  },
  {
    name: "silent",
    kind: "silence",
    description: "the status page stops reporting",
    targets: [{ unit: "acme/customer/support/status-page", indicator: "*" }],
    from: 120,
    to: Number.POSITIVE_INFINITY,
    effect: silentFrom(120),
    expect: { finding: "silent" },
  },
  {
    name: "crisis",
    kind: "crisis",
    description: "api-gateway traffic collapses to a quarter of capability for 20 minutes; Prometheus fires a critical alert",
    targets: [{ unit: "acme/platform/edge/api-gateway", indicator: "request-rate" }],
    from: 150,
    to: 170,
    effect: during(150, 170, 0.25),
    responses: [
      { after: 2, by: "bob@acme.example", action: "acknowledge", note: "network team paged", etaMinutes: 20 },
      { after: 4, by: "bob@acme.example", action: "note", text: "upstream provider outage confirmed" },
    ],
    alert: {
      unit: "acme/platform/edge/api-gateway",
      name: "GatewayTrafficCollapse",
      severity: "critical",
      summary: "api-gateway serves a quarter of its usual requests",
    },
    expect: { signal: "crisis" },
  },
];

export const SCENARIOS: Partial<Record<ExampleName, readonly Incident[]>> = { saas: SAAS };

/** Simulated minutes until every incident of the script has started and the last bounded one ended. */
export function scriptLength(incidents: readonly Incident[]): number {
  return Math.max(...incidents.map((i) => (Number.isFinite(i.to) ? i.to : i.from)));
}
