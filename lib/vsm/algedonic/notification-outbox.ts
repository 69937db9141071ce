import type { FlushDeadline, Notification, NotificationGroup, NotificationTarget, Outbox } from "@/lib/vsm/algedonic/schemas";
import type { Policy } from "@/lib/vsm/policy";
import type { Millis } from "@/lib/vsm/types";

/** What goes to one target for one signal group at once. */
export interface NotificationBatch {
  groupId: string;
  groupKey: string;
  target: NotificationTarget;
  at: Millis;
  page: boolean;
  notifications: Notification[];
  /** Signals whose notifications a silence or inhibition held back; counted, never lost silently. */
  muted: string[];
}

/** ">" cannot occur in a unit path, so the id splits back at its first ">". */
export function groupIdOf(notification: Notification): string {
  return `${notification.target.unitPath}>${notification.groupKey}`;
}

/** A paging crisis does not wait for its group to gather: that is the point of the bypass. */
function isUrgent(notification: Notification): boolean {
  return notification.page && notification.band === "crisis";
}

/**
 * Adds notifications to their groups (Alertmanager's group_wait): a group collects for
 * policy.escalation.groupWait after its first pending notification, so signals of one unit and
 * kind raised together arrive together. Returns each touched group's flush deadline, which
 * replaces any earlier one for that group.
 */
export function queueNotifications(
  outbox: Outbox,
  notifications: readonly Notification[],
  now: Millis,
  policy: Policy,
): { outbox: Outbox; schedule: FlushDeadline[] } {
  const next: Outbox = { ...outbox };
  const touched = new Set<string>();
  for (const notification of notifications) {
    const id = groupIdOf(notification);
    const group: NotificationGroup = next[id] ?? {
      id,
      groupKey: notification.groupKey,
      target: notification.target,
      pending: [],
      flushAt: now + policy.escalation.groupWait,
    };
    next[id] = {
      ...group,
      pending: [...group.pending, notification],
      flushAt: isUrgent(notification) ? Math.min(group.flushAt, now) : group.flushAt,
    };
    touched.add(id);
  }
  const schedule = [...touched].map((id): FlushDeadline => ({ kind: "flush", groupId: id, at: next[id]!.flushAt }));
  return { outbox: next, schedule };
}

/**
 * Sends a group whose flush deadline is due. Like signal deadlines, an early, repeated or
 * superseded flush is a no-op. Within the batch only each signal's latest news per route is kept:
 * operators need where a signal stands, not every step it took during the wait.
 */
export function flushGroup(
  outbox: Outbox,
  deadline: FlushDeadline,
  now: Millis,
  hidden: ReadonlySet<string> = new Set(),
): { outbox: Outbox; batch: NotificationBatch | null } {
  const group = outbox[deadline.groupId];
  if (!group || group.flushAt !== deadline.at || deadline.at > now) return { outbox, batch: null };
  const latest = new Map<string, Notification>();
  for (const n of group.pending) latest.set(`${n.signalId}>${n.route}`, n);
  const current = [...latest.values()];
  const notifications = current.filter((n) => !hidden.has(n.signalId));
  const muted = [...new Set(current.filter((n) => hidden.has(n.signalId)).map((n) => n.signalId))];
  const rest: Outbox = { ...outbox };
  delete rest[deadline.groupId];
  return {
    outbox: rest,
    batch: {
      groupId: group.id,
      groupKey: group.groupKey,
      target: group.target,
      at: now,
      page: notifications.some((n) => n.page),
      notifications,
      muted,
    },
  };
}
