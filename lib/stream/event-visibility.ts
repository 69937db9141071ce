import { scopeCovers } from "@/lib/auth/permissions";
import type { StreamEvent, StreamKind } from "@/lib/store/stream-events";

/** What one client asked for and may see: its read scopes, the subtrees it chose (none: all) and the kinds (none: all). */
export interface StreamView {
  readScopes: readonly string[];
  units: readonly string[];
  kinds: readonly StreamKind[];
}

/** Whether a unit path is both readable by the client and inside a subtree it asked for. */
export function seesPath(view: StreamView, path: string): boolean {
  const readable = view.readScopes.some((scope) => scopeCovers(scope, path));
  return readable && (view.units.length === 0 || view.units.some((unit) => scopeCovers(unit, path)));
}

/**
 * The event as this client may see it: whole, narrowed to its units (an event about several
 * units — a batch's observations, a variety notice — keeps only their parts it may see), or null.
 */
export function narrowEvent(event: StreamEvent, view: StreamView): StreamEvent | null {
  if (view.kinds.length > 0 && !view.kinds.includes(event.kind)) return null;
  const paths = event.paths.filter((path) => seesPath(view, path));
  if (paths.length === 0) return null;
  if (paths.length === event.paths.length) return event;
  return { ...event, paths, data: narrowData(event.data, new Set(paths)) };
}

/** `units` is a list (variety) or keyed by path (observations); every other field is about the event as a whole. */
function narrowData(data: unknown, keep: ReadonlySet<string>): unknown {
  if (typeof data !== "object" || data === null || !("units" in data)) return data;
  const { units } = data;
  if (Array.isArray(units)) return { ...data, units: units.filter((u) => typeof u === "string" && keep.has(u)) };
  if (typeof units === "object" && units !== null) {
    return { ...data, units: Object.fromEntries(Object.entries(units).filter(([path]) => keep.has(path))) };
  }
  return data;
}
