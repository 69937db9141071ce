import type { SignalPosition } from "@/lib/store/signal-heads";

/**
 * The opaque cursor of the signals list, REST's and GraphQL's alike: the (raised_at, id) of the
 * last signal of a page, the key the list is ordered by. A page after it holds exactly the signals
 * that sort after that key, so signals raised meanwhile neither repeat an item nor push one off the
 * next page. Base64url of JSON rather than the bare values, so callers treat it as a token and it
 * can change shape later.
 */
export function encodeCursor(position: SignalPosition): string {
  return Buffer.from(JSON.stringify([position.raisedAt, position.id])).toString("base64url");
}

export function decodeCursor(text: string): SignalPosition | null {
  if (text.length > 400 || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [raisedAt, id] = value as unknown[];
  if (typeof raisedAt !== "number" || !Number.isSafeInteger(raisedAt) || raisedAt < 0) return null;
  if (typeof id !== "string" || id.length === 0 || id.length > 200) return null;
  return { raisedAt, id };
}
