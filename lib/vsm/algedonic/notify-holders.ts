import { groupKey } from "@/lib/vsm/algedonic/group-key";
import type { Notification, Signal } from "@/lib/vsm/algedonic/schemas";
import { pathAtLevel } from "@/lib/vsm/model/path";
import type { Millis } from "@/lib/vsm/types";

type Reason = Notification["reason"];

/**
 * Pleasure never pages: it travels the ladder so good practice propagates, as information.
 * Closing news never pages, and neither does a reminder to a holder who has acknowledged.
 */
function pages(signal: Signal, reason: Reason): boolean {
  if (signal.valence !== "pain" || reason === "closed") return false;
  return !(reason === "repeat" && signal.state === "acknowledged");
}

function notification(signal: Signal, reason: Reason, route: Notification["route"], level: number, at: Millis): Notification {
  return {
    signalId: signal.id,
    groupKey: groupKey(signal),
    at,
    reason,
    route,
    // A holder level never exceeds the unit's own level, so the path at that level always exists.
    target: { level, unitPath: pathAtLevel(signal.unitPath, level) ?? signal.unitPath },
    page: pages(signal, reason),
    valence: signal.valence,
    band: signal.band,
    state: signal.state,
  };
}

/** The root's S5 reached directly, bypassing the ladder; needless once the root holds the signal. */
export function bypassNotifications(signal: Signal, reason: Reason, at: Millis): Notification[] {
  return signal.holderLevel > 0 ? [notification(signal, reason, "bypass", 0, at)] : [];
}

/** The current holder on the ladder, and the root's S5 too while a crisis bypass is in force. */
export function notifyHolders(signal: Signal, reason: Reason, at: Millis): Notification[] {
  const ladder = notification(signal, reason, "ladder", signal.holderLevel, at);
  return signal.bypassedAt === null ? [ladder] : [ladder, ...bypassNotifications(signal, reason, at)];
}
