import { describe, expect, it } from "vitest";
import { checkRun } from "@/lib/simulate/check-run";
import { during, stepTo, type Incident } from "@/lib/simulate/incident";
import type { Signal } from "@/lib/vsm/algedonic/schemas";
import { raise, T0 } from "@/lib/vsm/algedonic/signal-fixtures";
import type { Finding } from "@/lib/vsm/diagnosis/finding";

const incident = (name: string, expect: Incident["expect"], indicator = "latency"): Incident => ({
  name,
  kind: "step",
  description: name,
  targets: [{ unit: "acme/a", indicator }],
  from: 0,
  to: 10,
  effect: name === "step" ? stepTo(0, 2) : during(0, 10, 2),
  expect,
});

/** The run started an hour before the fixtures' signals, at real time: every incident (from minute 0) had begun. */
const TIMING = { startedAt: T0 - 60 * 60_000, speed: 1 };

function signal(overrides: Partial<Signal>): Signal {
  return { ...raise({ unitPath: "acme/a", indicator: "latency" }).signal, ...overrides };
}

describe("checkRun", () => {
  it("judges each incident by its expectation", () => {
    const incidents = [
      incident("step", { signal: "escalating", valence: "pain" }),
      incident("recovery", { signal: "remedied", valence: "pain" }, "errors"),
      incident("outliers", { signal: "transients" }, "spikes"),
      incident("crisis", { signal: "crisis" }, "traffic"),
      incident("pleasure", { signal: "one", valence: "pleasure" }, "lcp"),
    ];
    const signals = [
      signal({ state: "escalated", holderLevel: 0 }),
      signal({ indicator: "errors", state: "remedied", closedAt: T0 + 1, closeReason: "remedied" }),
      signal({ indicator: "spikes", kind: "transient", state: "remedied", closedAt: T0 + 1, closeReason: "remedied" }),
      signal({ indicator: "spikes", state: "retracted", closedAt: T0 + 1, closeReason: "retracted" }),
      signal({ indicator: "traffic", band: "crisis", bypassedAt: T0 }),
      signal({ indicator: "lcp", valence: "pleasure" }),
      signal({ indicator: "lcp", valence: "pleasure" }),
    ];
    const outcomes = checkRun(incidents, signals, [], TIMING).outcomes.map((o) => [o.incident.name, o.ok]);
    // Two pleasure signals where one is expected: a storm, not a signal.
    expect(outcomes).toEqual([
      ["step", true],
      ["recovery", true],
      ["outliers", true],
      ["crisis", true],
      ["pleasure", false],
    ]);
  });

  it("misses an unescalated step, a running outlier and a crisis that never reached the root", () => {
    const incidents = [
      incident("step", { signal: "escalating", valence: "pain" }),
      incident("outliers", { signal: "transients" }, "spikes"),
      incident("crisis", { signal: "crisis" }, "traffic"),
    ];
    const signals = [signal({}), signal({ indicator: "spikes" }), signal({ indicator: "traffic", band: "crisis" })];
    expect(checkRun(incidents, signals, [], TIMING).outcomes.map((o) => o.ok)).toEqual([false, false, false]);
  });

  it("counts a signal on an incident's series raised before the incident began as false, not the incident's", () => {
    const late: Incident = { ...incident("pleasure", { signal: "one", valence: "pleasure" }, "lcp"), from: 90 };
    const early = signal({ indicator: "lcp", valence: "pleasure" });
    const check = checkRun([late], [early], [], TIMING);
    expect(check.outcomes[0]).toMatchObject({ ok: false, detail: "no signal" });
    expect(check.falseSignals).toEqual([early]);
  });

  it("takes findings for silent units and counts signals on quiet series as false", () => {
    const silent: Incident = { ...incident("silent", { finding: "silent" }), targets: [{ unit: "acme/a", indicator: "*" }] };
    const finding: Finding = { rule: "silent-unit", severity: "warning", level: 1, path: "acme/a", message: "Silent S1", hint: "" };
    const quiet = [
      signal({ unitPath: "acme/b" }),
      signal({ unitPath: "acme/b", state: "retracted", closedAt: T0 + 1, closeReason: "unconfirmed" }),
    ];
    const check = checkRun([silent], quiet, [finding], TIMING);
    expect(check.outcomes[0]).toMatchObject({ ok: true, detail: "Silent S1" });
    expect(check.falseSignals).toHaveLength(1);
    expect(check.retractedProvisionals).toHaveLength(1);
    expect(check.falseFindings).toEqual([]);
    expect(checkRun([silent], [], [], TIMING).outcomes[0]).toMatchObject({ ok: false, detail: "no silent finding" });
    // A unit no incident silenced, found silent, and an oscillation nobody scripted: false findings; a structural finding is not one.
    const elsewhere = { ...finding, path: "acme/b" };
    const swinging: Finding = { ...finding, rule: "anti-phase-units", path: "acme", units: ["acme/a", "acme/b"], message: "swing" };
    const structural: Finding = { ...finding, rule: "missing-function", path: "acme/c" };
    expect(checkRun([silent], [], [finding, elsewhere, swinging, structural], TIMING).falseFindings).toEqual([elsewhere, swinging]);
  });
});
