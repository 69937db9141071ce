import "server-only";
import type { GraphqlContext } from "@/lib/graphql/context";
import { signalCursorOf, signalPositionOf } from "@/lib/graphql/cursor";
import { isoTime, isoTimeOrNull } from "@/lib/graphql/iso-time";
import { pageSize } from "@/lib/graphql/page-size";
import { pageOf } from "@/lib/keyset-page";
import { signalHeadIn, signalHeadPage, type SignalHead, type SignalHeadFilter } from "@/lib/store/signal-heads";
import type { SignalState, TimelineEntry } from "@/lib/vsm/algedonic/schemas";
import type { Valence } from "@/lib/vsm/types";

interface SignalsArgs {
  first?: number | null;
  after?: string | null;
  filter?: { state?: SignalState[] | null; valence?: Valence | null; kind?: string | null; subtree?: string | null } | null;
}

function filterOf(args: SignalsArgs["filter"]): SignalHeadFilter {
  // An empty list of states is no filter, not "no state at all".
  const states = args?.state && args.state.length > 0 ? args.state : null;
  return { states, valence: args?.valence ?? null, kind: args?.kind ?? null, subtree: args?.subtree ?? null };
}

const cursorOf = (signal: SignalHead) => signalCursorOf({ raisedAt: signal.raisedAt, id: signal.id });

/**
 * Signals (docs/graphql.md): pages read within the reader's subtrees (keyset on raised time and
 * id, so a signal raised between two pages neither repeats nor hides one), a lookup by id that
 * answers null outside them, and timelines batched per request.
 */
export const signalQueries = {
  signals: async (_: unknown, args: SignalsArgs, ctx: GraphqlContext) => {
    const size = pageSize(args.first);
    const after = args.after ? signalPositionOf(args.after) : null;
    const rows = await signalHeadPage(ctx.sql, { scopes: ctx.scopes, filter: filterOf(args.filter), after, limit: size + 1 });
    const { page, hasNextPage } = pageOf(rows, size);
    const last = page.at(-1);
    return {
      nodes: page,
      edges: page.map((node) => ({ cursor: cursorOf(node), node })),
      pageInfo: { hasNextPage, endCursor: last ? cursorOf(last) : null },
    };
  },

  signal: (_: unknown, args: { id: string }, ctx: GraphqlContext) => signalHeadIn(ctx.sql, args.id, ctx.scopes),
};

export const signalResolvers = {
  unit: async (signal: SignalHead, _: unknown, ctx: GraphqlContext) => (await ctx.loaders.system(signal.systemId)) ?? null,
  raisedAt: (signal: SignalHead) => isoTime(signal.raisedAt),
  lastChangeAt: (signal: SignalHead) => isoTime(signal.lastChangeAt),
  closedAt: (signal: SignalHead) => isoTimeOrNull(signal.closedAt),
  timeline: (signal: SignalHead, _: unknown, ctx: GraphqlContext) => ctx.loaders.timeline(signal.id),
};

export const timelineEntryResolvers = {
  at: (entry: TimelineEntry) => isoTime(entry.at),
  actor: (entry: TimelineEntry) => (entry.actor.type === "user" ? `user:${entry.actor.id}` : `system:${entry.actor.component}`),
};
