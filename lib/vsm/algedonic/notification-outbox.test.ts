import { describe, expect, it } from "vitest";
import { flushGroup, groupIdOf, queueNotifications } from "@/lib/vsm/algedonic/notification-outbox";
import { outboxSchema, type Outbox } from "@/lib/vsm/algedonic/schemas";
import { accept, ALICE, raise, T0 } from "@/lib/vsm/algedonic/signal-fixtures";
import { DEFAULT_POLICY } from "@/lib/vsm/policy";
import { SECOND } from "@/lib/vsm/types";

const WAIT = DEFAULT_POLICY.escalation.groupWait; // 30s

describe("notification outbox", () => {
  it("holds a group for groupWait so signals of one unit and kind arrive together", () => {
    const a = raise({ id: "a" });
    const b = raise({ id: "b", indicator: "error-rate" }, T0 + 10 * SECOND);
    const first = queueNotifications({}, a.notify, T0, DEFAULT_POLICY);
    const id = "acme/ops/payments/checkout>acme/ops/payments/checkout#step";
    expect(first.schedule).toEqual([{ kind: "flush", groupId: id, at: T0 + WAIT }]);
    const second = queueNotifications(first.outbox, b.notify, T0 + 10 * SECOND, DEFAULT_POLICY);
    expect(second.schedule).toEqual([{ kind: "flush", groupId: id, at: T0 + WAIT }]);
    expect(outboxSchema.parse(JSON.parse(JSON.stringify(second.outbox)))).toEqual(second.outbox);

    const deadline = second.schedule[0]!;
    expect(flushGroup(second.outbox, deadline, T0 + WAIT - 1)).toEqual({ outbox: second.outbox, batch: null });
    const sent = flushGroup(second.outbox, deadline, T0 + WAIT);
    expect(sent.batch).toMatchObject({ groupId: id, target: { level: 3 }, at: T0 + WAIT, page: true, muted: [] });
    expect(sent.batch?.notifications.map((n) => n.signalId)).toEqual(["a", "b"]);
    expect(sent.outbox).toEqual({});
    // A second instance firing the same flush finds nothing to send.
    expect(flushGroup(sent.outbox, deadline, T0 + WAIT).batch).toBeNull();
  });

  it("keeps groups apart by target, and by unit and kind", () => {
    const notes = [
      ...raise({ id: "a" }).notify,
      ...raise({ id: "k", kind: "slope" }).notify,
      ...raise({ id: "u", unitPath: "acme/ops" }).notify,
    ];
    const { outbox, schedule } = queueNotifications({}, notes, T0, DEFAULT_POLICY);
    expect(Object.keys(outbox)).toHaveLength(3);
    expect(schedule.map((d) => d.groupId)).toEqual(notes.map(groupIdOf));
  });

  it("sends a paging crisis at once, superseding the group's wait", () => {
    const waiting = queueNotifications({}, raise({ id: "a" }).notify, T0, DEFAULT_POLICY);
    const crisis = raise({ id: "c", band: "crisis" }, T0 + 5 * SECOND);
    const queued = queueNotifications(waiting.outbox, crisis.notify, T0 + 5 * SECOND, DEFAULT_POLICY);
    expect(queued.schedule.map((d) => [d.groupId.split(">")[0], d.at])).toEqual([
      ["acme/ops/payments/checkout", T0 + 5 * SECOND],
      ["acme", T0 + 5 * SECOND],
    ]);
    const stale = flushGroup(queued.outbox, waiting.schedule[0]!, T0 + WAIT);
    expect(stale.batch).toBeNull();
    const sent = flushGroup(queued.outbox, queued.schedule[0]!, T0 + 5 * SECOND);
    expect(sent.batch?.notifications.map((n) => n.signalId)).toEqual(["a", "c"]);
  });

  it("does not hurry pleasure, even in the crisis band", () => {
    const { schedule } = queueNotifications({}, raise({ valence: "pleasure", band: "crisis" }).notify, T0, DEFAULT_POLICY);
    expect(schedule.map((d) => d.at)).toEqual([T0 + WAIT, T0 + WAIT]);
  });

  it("sends each signal's latest news only, and mutes hidden signals while counting them", () => {
    const raised = raise({ id: "a" });
    const resolved = accept(raised.signal, { type: "resolve", actor: ALICE, reason: "deploy rolled back" }, T0 + SECOND);
    const other = raise({ id: "b", indicator: "error-rate" });
    const { outbox, schedule } = queueNotifications(
      {},
      [...raised.notify, ...resolved.notify, ...other.notify],
      T0 + SECOND,
      DEFAULT_POLICY,
    );
    const sent = flushGroup(outbox, schedule[0]!, T0 + SECOND + WAIT, new Set(["b"]));
    expect(sent.batch?.notifications.map((n) => [n.signalId, n.reason])).toEqual([["a", "closed"]]);
    expect(sent.batch).toMatchObject({ page: false, muted: ["b"] });
  });

  it("ignores a flush for a group it does not hold", () => {
    const empty: Outbox = {};
    expect(flushGroup(empty, { kind: "flush", groupId: "x>y#z", at: T0 }, T0)).toEqual({ outbox: empty, batch: null });
  });
});
