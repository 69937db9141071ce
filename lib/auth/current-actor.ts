import "server-only";
import { auth } from "@/auth";
import { ANONYMOUS, type Actor } from "@/lib/auth/actor";
import { getDatabase } from "@/lib/db";
import { sessionActor } from "@/lib/store/users";

/**
 * The signed-in person behind this request's session cookie, read fresh from the database (the
 * cookie holds only an id and a session version), or ANONYMOUS.
 */
export async function sessionActorOfRequest(): Promise<Actor> {
  const session = await auth();
  if (session?.userId === undefined || session.sessionVersion === undefined) return ANONYMOUS;
  const db = await getDatabase();
  return (await sessionActor(db.sql, session.userId, session.sessionVersion)) ?? ANONYMOUS;
}
