import { describe, expect, it } from "vitest";
import { groupSignals } from "@/lib/vsm/algedonic/group-signals";
import { isInhibited } from "@/lib/vsm/algedonic/inhibit-signals";
import { inhibitionRuleSchema, silenceSchema, type Silence } from "@/lib/vsm/algedonic/schemas";
import { accept, ALICE, raise, T0 } from "@/lib/vsm/algedonic/signal-fixtures";
import { isSilenceActive, silencesOf } from "@/lib/vsm/algedonic/silence-signals";
import { signalVisibility, visibleSignals } from "@/lib/vsm/algedonic/visible-signals";
import { HOUR, MINUTE } from "@/lib/vsm/types";

const maintenance: Silence = silenceSchema.parse({
  id: "sil-1",
  matcher: { unitPath: "acme/ops", scope: "subtree", kind: "step" },
  startsAt: T0,
  endsAt: T0 + 2 * HOUR,
  reason: "planned database migration",
  createdBy: "alice",
  createdAt: T0 - MINUTE,
});

describe("silences", () => {
  it("hide a signal that still escalates underneath", () => {
    const { signal, schedule } = raise();
    expect(visibleSignals([signal], [maintenance], T0 + MINUTE)).toEqual([]);
    const escalated = accept(signal, { type: "deadline", deadline: schedule[0]! }, T0 + 30 * MINUTE).signal;
    expect(escalated).toMatchObject({ state: "escalated", holderLevel: 2 });
    expect(signalVisibility([escalated], [maintenance], T0 + 30 * MINUTE)).toEqual([
      { signal: escalated, silencedBy: ["sil-1"], inhibitedBy: [], hidden: true, inhibits: 0 },
    ]);
    // When the silence ends the signal shows where it really stands.
    expect(visibleSignals([escalated], [maintenance], T0 + 2 * HOUR).map((v) => v.signal.holderLevel)).toEqual([2]);
  });

  it("hold from start up to, not including, the end", () => {
    expect([T0 - 1, T0, T0 + 2 * HOUR - 1, T0 + 2 * HOUR].map((t) => isSilenceActive(maintenance, t))).toEqual([false, true, true, false]);
  });

  it("match on every field they give, and on unit paths segment by segment", () => {
    const { signal } = raise();
    const silence = (matcher: object) => ({ ...maintenance, matcher: silenceSchema.shape.matcher.parse(matcher) });
    const at = T0 + MINUTE;
    expect(silencesOf(signal, [silence({ unitPath: "acme/ops/payments/checkout" })], at)).toEqual(["sil-1"]);
    expect(silencesOf(signal, [silence({ unitPath: "acme/ops" })], at)).toEqual([]);
    expect(silencesOf(signal, [silence({ unitPath: "acme/op", scope: "subtree" })], at)).toEqual([]);
    expect(silencesOf(signal, [silence({ unitPath: "acme", scope: "subtree", valence: "pleasure" })], at)).toEqual([]);
    expect(silencesOf(signal, [silence({ indicator: "orders-per-minute", band: "alert" })], at)).toEqual(["sil-1"]);
    expect(silencesOf(signal, [silence({ kind: "slope" })], at)).toEqual([]);
  });

  it("must match something, end after they start and give a reason", () => {
    const base = { id: "s", startsAt: T0, endsAt: T0 + HOUR, reason: "why", createdBy: "alice", createdAt: T0 };
    expect(silenceSchema.safeParse({ ...base, matcher: {} }).error?.issues[0]?.message).toMatch(/at least one field/);
    expect(silenceSchema.safeParse({ ...base, matcher: { kind: "step" }, endsAt: T0 }).error?.issues[0]?.path).toEqual(["endsAt"]);
    expect(silenceSchema.safeParse({ ...base, matcher: { kind: "step" }, reason: " " }).success).toBe(false);
    expect(silenceSchema.safeParse({ ...base, matcher: { kind: "step" } }).success).toBe(true);
  });
});

describe("inhibition", () => {
  // The parent's indicator differs but is of the same family (orders); the default rule compares families.
  const parent = raise({ id: "p", unitPath: "acme/ops", indicator: "throughput" }).signal;
  const child = raise({ id: "c" }).signal;
  const sibling = raise({ id: "d", unitPath: "acme/ops/payments/refunds" }).signal;

  it("hides a descendant's matching signal behind its ancestor's, and counts it there", () => {
    const views = signalVisibility([parent, child, sibling], [], T0);
    expect(views.map((v) => [v.signal.id, v.hidden, v.inhibitedBy, v.inhibits])).toEqual([
      ["p", false, [], 2],
      ["c", true, ["p"], 0],
      ["d", true, ["p"], 0],
    ]);
    expect(visibleSignals([parent, child, sibling], [], T0).map((v) => v.signal.id)).toEqual(["p"]);
    expect(isInhibited(child, [parent, child])).toBe(true);
  });

  it("needs a strict ancestor, the same family and valence, and a running source", () => {
    expect(isInhibited(parent, [parent, child])).toBe(false);
    expect(isInhibited(sibling, [child, sibling])).toBe(false);
    expect(isInhibited(child, [{ ...parent, kind: "slope" }])).toBe(true);
    expect(isInhibited(child, [{ ...parent, valence: "pleasure" }])).toBe(false);
    expect(isInhibited(child, [{ ...parent, state: "provisional" }])).toBe(false);
    const resolved = accept(parent, { type: "resolve", actor: ALICE, reason: "done" }, T0 + MINUTE).signal;
    expect(isInhibited(child, [resolved])).toBe(false);
    expect(
      isInhibited(child, [
        { ...parent, state: "acknowledged" },
        { ...parent, id: "p2", state: "escalated" },
      ]),
    ).toBe(true);
  });

  it("never hides unrelated pain below: another family, or no family on either side", () => {
    const latency = raise({ id: "l", indicator: "p99-latency", family: "latency" }).signal;
    expect(visibleSignals([parent, latency], [], T0).map((v) => v.signal.id)).toEqual(["p", "l"]);
    const bare = (signal: typeof parent) => ({ ...signal, family: null });
    expect(isInhibited(bare(child), [bare(parent)])).toBe(false);
    expect(isInhibited(child, [bare(parent)])).toBe(false);
  });

  it("follows configured rules", () => {
    const sameKind = [inhibitionRuleSchema.parse({ equal: ["kind", "valence"] })];
    expect(isInhibited(child, [{ ...parent, family: "capacity" }], sameKind)).toBe(true);
    expect(isInhibited(child, [{ ...parent, kind: "slope" }], sameKind)).toBe(false);
    const withinFamily = [inhibitionRuleSchema.parse({ source: { family: "orders" }, equal: ["valence"] })];
    expect(isInhibited({ ...child, family: "latency" }, [parent], withinFamily)).toBe(true);
    expect(isInhibited(child, [{ ...parent, family: "latency" }], withinFamily)).toBe(false);
    const sameIndicator = [inhibitionRuleSchema.parse({ equal: ["indicator"] })];
    expect(isInhibited(child, [parent], sameIndicator)).toBe(false);
    expect(isInhibited(child, [{ ...parent, indicator: "orders-per-minute", kind: "slope" }], sameIndicator)).toBe(true);
    const onlyCrisis = [inhibitionRuleSchema.parse({ source: { band: "crisis" } })];
    expect(isInhibited(child, [parent], onlyCrisis)).toBe(false);
    expect(isInhibited(child, [{ ...parent, band: "crisis" }], onlyCrisis)).toBe(true);
    expect(isInhibited(child, [parent], [])).toBe(false);
  });
});

describe("grouping", () => {
  it("groups signals of one unit and kind, counting what is hidden", () => {
    const a = raise({ id: "a" }).signal;
    const b = raise({ id: "b", indicator: "error-rate" }).signal;
    const c = raise({ id: "c", kind: "slope" }).signal;
    const p = raise({ id: "p", unitPath: "acme/ops" }).signal;
    const q = raise({ id: "q", unitPath: "acme/ops", family: "latency", indicator: "p99-latency" }).signal;
    const silence = { ...maintenance, matcher: silenceSchema.shape.matcher.parse({ indicator: "error-rate" }) };
    const groups = groupSignals(signalVisibility([a, b, c, p, q], [silence], T0));
    expect(groups.map((g) => [g.key, g.unitPath, g.kind, g.views.map((v) => v.signal.id), g.visible, g.silenced, g.inhibited])).toEqual([
      ["acme/ops/payments/checkout#step", "acme/ops/payments/checkout", "step", ["a", "b"], 0, 1, 2],
      ["acme/ops/payments/checkout#slope", "acme/ops/payments/checkout", "slope", ["c"], 0, 0, 1],
      ["acme/ops#step", "acme/ops", "step", ["p", "q"], 2, 0, 0],
    ]);
  });
});
