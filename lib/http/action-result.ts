/** What a form gets back from a server action (lib/http/server-action.ts): a sentence to show, and which fields were wrong. */
export type ActionResult = { ok: true; message: string } | { ok: false; error: string; fields?: Record<string, string> };
