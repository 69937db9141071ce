import { GraphQLError } from "graphql";
import { z } from "zod";
import { decodeCursor, encodeCursor } from "@/lib/api/signal-cursor";
import type { SignalPosition } from "@/lib/store/signal-heads";

/**
 * Opaque page cursors: where a page ended, in the list's order, as base64url JSON. Signal cursors
 * are the REST list's own (lib/api/signal-cursor.ts); system cursors are tagged, so neither list
 * takes the other's. They carry a position only, never a permission: every page is read within the
 * reader's subtrees again, so a cursor passed to someone else shows them nothing more.
 */
const systemCursor = z.tuple([z.literal("system"), z.string().min(1).max(1024)]);

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

function decode<T>(schema: z.ZodType<T>, cursor: string): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    value = undefined;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw badCursor();
  return parsed.data;
}

function badCursor(): GraphQLError {
  return new GraphQLError("after is not a cursor this list gave: pass a pageInfo.endCursor or an edge's cursor unchanged", {
    extensions: { code: "BAD_USER_INPUT", argument: "after" },
  });
}

/** Signals page as the REST list does, with the same cursor (lib/api/signal-cursor.ts). */
export function signalCursorOf(position: SignalPosition): string {
  return encodeCursor(position);
}

export function signalPositionOf(cursor: string): SignalPosition {
  const position = decodeCursor(cursor);
  if (position === null) throw badCursor();
  return position;
}

export function systemCursorOf(path: string): string {
  return encode(["system", path]);
}

export function systemPathOf(cursor: string): string {
  return decode(systemCursor, cursor)[1];
}
