import { describe, expect, it } from "vitest";
import { dueDeadlines, signalDeadlines } from "@/lib/vsm/algedonic/deadlines";
import { deadlineSchema, type Deadline } from "@/lib/vsm/algedonic/schemas";
import { raise, T0 } from "@/lib/vsm/algedonic/signal-fixtures";

describe("deadlines", () => {
  it("are derived from the signal, so they cannot disagree with it", () => {
    const { signal, schedule } = raise();
    expect(signalDeadlines(signal)).toEqual(schedule);
    expect(schedule.map((d) => deadlineSchema.parse(JSON.parse(JSON.stringify(d))))).toEqual(schedule);
    expect(signalDeadlines({ ...signal, deadlines: { escalateAt: null, repeatAt: null, expireAt: null, adaptAt: null } })).toEqual([]);
    const all = { escalateAt: T0 + 3, repeatAt: T0 + 4, expireAt: T0 + 1, adaptAt: T0 + 9 };
    expect(signalDeadlines({ ...signal, deadlines: all }).map((d) => `${d.kind}@${d.at - T0}`)).toEqual([
      "expire@1",
      "escalate@3",
      "repeat@4",
      "adapt@9",
    ]);
  });

  it("come due at their time: expiries, escalations, repeats, adaptations, then flushes", () => {
    const deadlines: Deadline[] = [
      { kind: "flush", groupId: "g", at: T0 },
      { kind: "adapt", signalId: "a", at: T0, level: 1 },
      { kind: "expire", signalId: "d", at: T0, level: 1 },
      { kind: "repeat", signalId: "a", at: T0, level: 1 },
      { kind: "escalate", signalId: "b", at: T0 + 1, level: 1 },
      { kind: "escalate", signalId: "a", at: T0, level: 1 },
      { kind: "repeat", signalId: "c", at: T0 - 5, level: 2 },
    ];
    expect(dueDeadlines(deadlines, T0 - 6)).toEqual([]);
    expect(dueDeadlines(deadlines, T0).map((d) => `${d.kind}@${d.at - T0}`)).toEqual([
      "repeat@-5",
      "expire@0",
      "escalate@0",
      "repeat@0",
      "adapt@0",
      "flush@0",
    ]);
    expect(dueDeadlines(deadlines, T0 + 1)).toHaveLength(7);
  });
});
