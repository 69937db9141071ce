import { describe, expect, it } from "vitest";
import { absorptionWords, deviceWords, heldAt, levelAccounts } from "@/lib/view/level-variety";
import { windowVisibility } from "@/lib/view/window-visibility";
import type { RaiseInput, Signal, Silence } from "@/lib/vsm/algedonic/schemas";
import { accept, FILTER, raise, T0 } from "@/lib/vsm/algedonic/signal-fixtures";
import { HOUR, MINUTE } from "@/lib/vsm/types";

const window = { from: T0, to: T0 + 10 * HOUR };

/** A pain signal raised at 1 h, counting `changes` changes (each further one a recurrence). */
function signal(overrides: Partial<RaiseInput>, changes = 1): Signal {
  let s = raise(overrides, T0 + HOUR).signal;
  for (let i = 1; i < changes; i += 1)
    s = accept(s, { type: "recur", actor: FILTER, kind: s.kind, band: "alert" }, T0 + HOUR + i * MINUTE).signal;
  return s;
}

function escalate(s: Signal): Signal {
  const at = s.deadlines.escalateAt!;
  return accept(s, { type: "deadline", deadline: { kind: "escalate", signalId: s.id, at, level: s.holderLevel } }, at).signal;
}

// acme (0) ⊃ acme/ops (1) ⊃ acme/ops/pay, acme/ops/ship (2).
const p1 = escalate(signal({ id: "p1", unitPath: "acme/ops/pay", indicator: "latency", family: "latency" }, 2)); // climbs to level 1
const p2 = signal({ id: "p2", unitPath: "acme/ops/ship", indicator: "errors", family: "errors" }, 2); // silenced
const p3 = accept(
  signal({ id: "p3", unitPath: "acme/ops/pay", kind: "slope", provisional: true }),
  { type: "retract", actor: FILTER },
  T0 + 2 * HOUR,
).signal; // the filter absorbs it
const p4 = signal({ id: "p4", unitPath: "acme/ops/ship", kind: "slope", indicator: "orders", family: "orders" }, 2); // inhibited by q1
const q1 = signal({ id: "q1", unitPath: "acme/ops", indicator: "orders-total", family: "orders" }, 2);
const signals = [p1, p2, p3, p4, q1];
const silence: Silence = {
  id: "sil",
  matcher: { unitPath: "acme/ops/ship", scope: "exact", kind: "step" },
  startsAt: T0,
  endsAt: T0 + 20 * HOUR,
  reason: "planned work",
  createdBy: "user:alice",
  createdAt: T0,
};

const H7 = (6 / 7) * Math.log2(7 / 2) + (1 / 7) * Math.log2(7); // {2, 2, 2, 1}: 1.9502 bits
const LOG3 = Math.log2(3); // three equally frequent classes: 1.585 bits

describe("attenuation and amplification per level", () => {
  it("takes a level's stream from the signals raised at it or escalated to it", () => {
    expect(p1.holderLevel).toBe(1);
    expect(signals.filter((s) => heldAt(s, 2)).map((s) => s.id)).toEqual(["p1", "p2", "p3", "p4"]);
    expect(signals.filter((s) => heldAt(s, 1)).map((s) => s.id)).toEqual(["p1", "q1"]);
    expect(signals.filter((s) => heldAt(s, 0))).toEqual([]);
  });

  it("accounts each device's bits in and out, level by level, root first", () => {
    const [root, middle, leaves] = levelAccounts(signals, 2, windowVisibility(signals, signals, [silence], window));
    // Level 2: changes per class {2, 2, 2, 1} → the filter drops the retracted slope (three classes of two) → grouping folds
    // changes into signals (three of one: the same bits) → inhibition drops p4 (1 bit) → the silence drops p2 (0 bits) →
    // p1 climbed to level 1.
    expect(leaves).toMatchObject({ level: 2, itemsIn: 7, itemsOut: 1, bitsOut: 0 });
    expect(leaves!.bitsIn).toBeCloseTo(H7, 12);
    expect(leaves!.bitsIn).toBeCloseTo(1.9502, 4);
    const stages = leaves!.stages.map((s) => [s.device, s.role, s.itemsIn, s.itemsOut, s.bitsOut]);
    expect(stages).toEqual([
      ["filter", "attenuator", 7, 6, LOG3],
      ["grouping", "attenuator", 6, 3, LOG3],
      ["inhibition", "attenuator", 3, 2, 1],
      ["silence", "attenuator", 2, 1, 0],
      ["escalation", "amplifier", 1, 1, 0],
    ]);
    expect(leaves!.stages[1]!.absorbed).toBe(0);
    // Level 1: q1 and the escalated p1, two changes each (1 bit); grouping halves the items, not the bits; nothing passes up.
    expect(middle).toMatchObject({ level: 1, itemsIn: 4, bitsIn: 1, itemsOut: 0, bitsOut: 0, absorbed: 1 });
    expect(middle!.stages.map((s) => [s.device, s.itemsOut, s.bitsOut])).toEqual([
      ["filter", 4, 1],
      ["grouping", 2, 1],
      ["inhibition", 2, 1],
      ["silence", 2, 1],
      ["escalation", 0, 0],
    ]);
    // The root held nothing, and passes nothing up: it has no escalation stage.
    expect(root).toMatchObject({ level: 0, itemsIn: 0, bitsIn: 0, itemsOut: 0 });
    expect(root!.stages.map((s) => s.device)).toEqual(["filter", "grouping", "inhibition", "silence"]);
  });

  it("says in words what each device does and where variety goes", () => {
    expect(deviceWords("grouping")).toBe("Grouping: one item per signal, not per change");
    expect(deviceWords("routing")).toBe("Routing");
    expect([1.95, -0.085, 0.001, 0].map(absorptionWords)).toEqual(["absorbs 1.95 bits", "amplifies 0.09 bits", "none", "none"]);
  });
});
