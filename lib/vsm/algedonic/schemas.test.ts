import { describe, expect, it } from "vitest";
import { raiseInputSchema, signalEventSchema, signalSchema } from "@/lib/vsm/algedonic/schemas";
import { accept, ALICE, raise, T0 } from "@/lib/vsm/algedonic/signal-fixtures";
import { MINUTE } from "@/lib/vsm/types";

describe("algedonic schemas", () => {
  it("round-trip a signal through JSON, as a store keeps it", () => {
    const { signal } = raise({ band: "crisis", probabilities: { steady: 0.1, step: 0.8, slope: 0.05, transient: 0.05 } });
    const acked = accept(signal, { type: "acknowledge", actor: ALICE, eta: T0 + 61 * MINUTE }, T0 + MINUTE).signal;
    expect(signalSchema.parse(JSON.parse(JSON.stringify(acked)))).toEqual(acked);
  });

  it("validate operator events at the edge", () => {
    expect(signalEventSchema.safeParse({ type: "resolve", actor: { type: "user", id: "alice" }, reason: "  " }).success).toBe(false);
    expect(signalEventSchema.safeParse({ type: "acknowledge", actor: { type: "user", id: "" } }).success).toBe(false);
    expect(signalEventSchema.parse({ type: "note", actor: { type: "user", id: "bob" }, text: " hi " })).toEqual({
      type: "note",
      actor: { type: "user", id: "bob" },
      text: "hi",
    });
  });

  it("reject unit paths that are not slash-separated slugs", () => {
    const input = { id: "x", indicator: "i", kind: "step", valence: "pain", band: "alert", actor: ALICE, reason: "r" };
    expect(raiseInputSchema.safeParse({ ...input, unitPath: "acme//ops" }).success).toBe(false);
    expect(raiseInputSchema.safeParse({ ...input, unitPath: "acme/ops#x" }).success).toBe(false);
    expect(raiseInputSchema.parse({ ...input, unitPath: "acme/ops" }).provisional).toBe(false);
  });
});
