import "server-only";
import { permits } from "@/lib/auth/permissions";
import type { GraphqlContext } from "@/lib/graphql/context";
import { isoTime } from "@/lib/graphql/iso-time";
import { readVarietyWindow } from "@/lib/store/variety-window";
import type { SystemVariety } from "@/lib/view/system-variety";
import { varietyReport, type SystemHomeostat, type TreeVariety } from "@/lib/view/variety-report";
import { windowEnding, type WindowChoice } from "@/lib/view/variety-window";
import type { AttentionShare } from "@/lib/vsm/homeostat/attention-share";

/** The schema's names for the Variety page's windows (GraphQL names cannot start with a digit). */
const WINDOWS = { hour: "1h", day: "24h", week: "7d" } as const satisfies Record<string, WindowChoice>;
type WindowName = keyof typeof WINDOWS;

/** Whether any tree root could be the reader's: a root is readable only through a scope of one segment, or the whole model. */
function mayReadSomeRoot(scopes: readonly string[]): boolean {
  return scopes.some((scope) => scope === "" || !scope.includes("/"));
}

/**
 * Variety exactly as the Variety page computes it (lib/view/variety-report.ts over
 * lib/store/variety-window.ts), over the window ending at the request's time. It is measured over
 * whole trees, so a tree is returned only to a reader of its root (docs/access.md); a reader of
 * subtrees alone gets none, and the window is not read at all.
 */
export const varietyQueries = {
  variety: async (_: unknown, args: { window: WindowName }, ctx: GraphqlContext) => {
    const window = windowEnding(WINDOWS[args.window], ctx.now);
    const trees = mayReadSomeRoot(ctx.scopes)
      ? varietyReport(await readVarietyWindow(ctx.sql, window)).trees.filter((tree) => permits(ctx.actor, "read", tree.root.path))
      : [];
    return { window: args.window, from: isoTime(window.from), to: isoTime(window.to), trees };
  },
};

export const varietyResolvers = {
  TreeVariety: {
    rootPath: (tree: TreeVariety) => tree.root.path,
    rootName: (tree: TreeVariety) => tree.root.name,
  },
  SystemVariety: {
    disturbance: (system: SystemVariety) => system.assessment.disturbance,
    regulatory: (system: SystemVariety) => system.assessment.regulatory,
    deficit: (system: SystemVariety) => system.assessment.deficit,
    tolerance: (system: SystemVariety) => system.assessment.tolerance,
    balance: (system: SystemVariety) => system.assessment.state,
    disturbances: (system: SystemVariety) => system.assessment.disturbances,
    responses: (system: SystemVariety) => system.assessment.responses,
  },
  Homeostat: {
    target: (homeostat: SystemHomeostat) => homeostat.settings.target,
    tolerance: (homeostat: SystemHomeostat) => homeostat.settings.tolerance,
    overall: (homeostat: SystemHomeostat) => homeostat.view.overall,
    steps: (homeostat: SystemHomeostat) => homeostat.view.windows,
    slopePerDay: (homeostat: SystemHomeostat) => homeostat.view.slopePerDay,
  },
  AttentionShare: {
    from: (share: AttentionShare) => isoTime(share.window.from),
    to: (share: AttentionShare) => isoTime(share.window.to),
    balance: (share: AttentionShare) => share.state,
  },
};
