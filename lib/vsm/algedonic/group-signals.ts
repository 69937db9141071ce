import { groupKey } from "@/lib/vsm/algedonic/group-key";
import type { SignalView } from "@/lib/vsm/algedonic/visible-signals";

/** One unit's signals of one kind, with what the overlay hides counted rather than dropped. */
export interface SignalGroup {
  key: string;
  unitPath: string;
  kind: string;
  views: SignalView[];
  visible: number;
  silenced: number;
  inhibited: number;
}

/** Groups signal views by unit and kind, in the order each group first appears. */
export function groupSignals(views: readonly SignalView[]): SignalGroup[] {
  const groups = new Map<string, SignalGroup>();
  for (const view of views) {
    const key = groupKey(view.signal);
    const group = groups.get(key) ?? {
      key,
      unitPath: view.signal.unitPath,
      kind: view.signal.kind,
      views: [],
      visible: 0,
      silenced: 0,
      inhibited: 0,
    };
    group.views.push(view);
    if (!view.hidden) group.visible += 1;
    if (view.silencedBy.length > 0) group.silenced += 1;
    if (view.inhibitedBy.length > 0) group.inhibited += 1;
    groups.set(key, group);
  }
  return [...groups.values()];
}
