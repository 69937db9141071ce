import "server-only";
import { timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors";
import { fireAllDue } from "@/lib/signals/fire-deadlines";
import type { Database } from "@/lib/store/database";

/** Compares without leaking, through timing, how much of a guess was right. */
function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `GET /api/cron/deadlines`: fires due deadlines for an external scheduler such as Vercel Cron,
 * which sends `Authorization: Bearer <CRON_SECRET>`. Safe beside the in-process workers and
 * itself: each deadline fires once whoever claims it.
 */
export async function runCron(request: Request, secret: string | undefined, db: Pick<Database, "sql">, now: number): Promise<Response> {
  if (secret === undefined) throw new AppError("forbidden", "CRON_SECRET is not set on this server, so no scheduler can be verified");
  const header = request.headers.get("authorization") ?? "";
  const given = header.startsWith("Bearer ") ? header.slice("Bearer ".length) : "";
  if (!sameSecret(given, secret)) throw new AppError("unauthorized", "a scheduler must send Authorization: Bearer <CRON_SECRET>");
  return Response.json(await fireAllDue(db.sql, now));
}
