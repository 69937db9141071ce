import type { Signal } from "@/lib/vsm/algedonic/schemas";

/**
 * Signals of one unit and one kind form a group (Alertmanager's group_by), so a flapping
 * indicator or several indicators failing the same way reach operators as one notification.
 * "#" cannot occur in a unit path, so the key splits back unambiguously at its first "#".
 */
export function groupKey(signal: Pick<Signal, "unitPath" | "kind">): string {
  return `${signal.unitPath}#${signal.kind}`;
}
