import "server-only";
import { applyToSignal } from "@/lib/signals/apply-to-signal";
import { raiseStoredSignal } from "@/lib/signals/raise-stored-signal";
import type { SignalCounts } from "@/lib/signals/signals-from-batch";
import type { StoredAlert } from "@/lib/store/external-alerts";
import { signalOfAlert } from "@/lib/store/signals";
import type { SqlRunner } from "@/lib/store/sql-runner";
import type { Actor } from "@/lib/vsm/algedonic/schemas";
import type { Band } from "@/lib/vsm/types";

const ALERTMANAGER: Actor = { type: "system", component: "alertmanager" };

/** Prometheus' usual severities; anything else is an alert-band signal. */
function bandOf(labels: Record<string, string>): Band {
  const severity = (labels.severity ?? "").toLowerCase();
  return severity === "critical" || severity === "page" || severity === "emergency" ? "crisis" : "alert";
}

/**
 * External alerts become pain signals of their unit (docs/signals.md), in the batch's
 * transaction: a firing alert raises one, open from the alert's start, with the alert's labels; its
 * resolution resolves it ("alert-resolved"). An alert with no unit in the model raises nothing
 * (it is counted as unassigned); one already resolved when first heard of raises nothing either.
 * Alerts carry no level to return to, so such a signal is never remedied by observation.
 */
export async function signalsFromAlerts(tx: SqlRunner, alerts: readonly StoredAlert[], now: number): Promise<SignalCounts> {
  const counts: SignalCounts = { raised: 0, updated: 0 };
  for (const alert of alerts) {
    if (alert.systemId === null) continue;
    const signal = await signalOfAlert(tx, alert.id);
    if (signal === null && !alert.resolved) {
      // Alertmanager's strings are unbounded; a signal's are not (lib/vsm/algedonic/schemas.ts).
      const name = clip(alert.name, 200) ?? "alert";
      await raiseStoredSignal(
        tx,
        {
          unitPath: alert.unitPath,
          indicator: name,
          family: clip(alert.labels.family, 200),
          kind: "alert",
          valence: "pain",
          band: bandOf(alert.labels),
          actor: ALERTMANAGER,
          reason: clip(alert.annotations.summary, 2000) ?? clip(alert.annotations.description, 2000) ?? `${name} firing`,
          reference: null,
        },
        { systemId: alert.systemId, indicatorId: null, externalAlertId: alert.id, labels: alert.labels },
        Math.min(alert.startsAt, now),
      );
      counts.raised += 1;
    } else if (signal !== null && alert.resolved && signal.closedAt === null) {
      const at = Math.max(Math.min(alert.endsAt, now), signal.timeline.at(-1)!.at);
      const reason = `Alertmanager resolved ${alert.name ?? "the alert"}`;
      const applied = await applyToSignal(
        tx,
        signal.id,
        { type: "resolve", actor: ALERTMANAGER, reason, resolution: "alert-resolved" },
        at,
      );
      if (applied.outcome === "applied") counts.updated += 1;
    }
  }
  return counts;
}

/** A label or annotation as a signal can hold it: trimmed, cut to `max` characters, and none when empty. */
function clip(text: string | null | undefined, max: number): string | null {
  const trimmed = text?.trim().slice(0, max) ?? "";
  return trimmed === "" ? null : trimmed;
}
