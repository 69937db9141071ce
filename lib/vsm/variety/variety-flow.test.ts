import { describe, expect, it } from "vitest";
import { accountLevel, accountLevels, type LevelFlow } from "@/lib/vsm/variety/variety-flow";

// Level 2 receives 16 signals in 4 equally frequent classes (2 bits). Grouping folds each class
// into one group (16 → 4 items, still 2 bits); inhibition hides two classes behind their parent's
// signal (1 bit); a silence mutes one more (0 bits): the level absorbs all 2 bits.
const leaf: LevelFlow = {
  level: 2,
  in: { a: 4, b: 4, c: 4, d: 4 },
  stages: [
    { device: "grouping", out: { a: 1, b: 1, c: 1, d: 1 } },
    { device: "inhibition", out: { a: 1, b: 1 } },
    { device: "silence", out: { a: 1 } },
  ],
};

// Level 1 escalates the one remaining signal to its parent and, as a crisis, to the root: 0 → 1 bit.
const middle: LevelFlow = {
  level: 1,
  in: { a: 1 },
  stages: [{ device: "escalation", out: { "a→parent": 1, "a→root": 1 } }],
};

describe("variety flow per level", () => {
  it("accounts bits in, bits out and absorbed for each stage and the level", () => {
    const account = accountLevel(leaf);
    expect(account).toMatchObject({ level: 2, itemsIn: 16, itemsOut: 1, bitsIn: 2, bitsOut: 0, absorbed: 2 });
    expect(account.stages).toEqual([
      { device: "grouping", role: "attenuator", itemsIn: 16, itemsOut: 4, bitsIn: 2, bitsOut: 2, absorbed: 0 },
      { device: "inhibition", role: "attenuator", itemsIn: 4, itemsOut: 2, bitsIn: 2, bitsOut: 1, absorbed: 1 },
      { device: "silence", role: "attenuator", itemsIn: 2, itemsOut: 1, bitsIn: 1, bitsOut: 0, absorbed: 1 },
    ]);
  });

  it("shows amplification as negative absorption", () => {
    expect(accountLevel(middle)).toMatchObject({
      bitsIn: 0,
      bitsOut: 1,
      absorbed: -1,
      stages: [{ device: "escalation", role: "amplifier", itemsIn: 1, itemsOut: 2, absorbed: -1 }],
    });
  });

  it("passes a level without devices through unchanged and orders levels root first", () => {
    const root: LevelFlow = { level: 0, in: { x: 1, y: 1 }, stages: [] };
    const accounts = accountLevels([leaf, root, middle]);
    expect(accounts.map((a) => a.level)).toEqual([0, 1, 2]);
    expect(accounts[0]).toEqual({ level: 0, itemsIn: 2, itemsOut: 2, bitsIn: 1, bitsOut: 1, absorbed: 0, stages: [] });
  });
});
