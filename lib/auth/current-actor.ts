import "server-only";
import { cache } from "react";
import { auth } from "@/auth";
import { ANONYMOUS, type Actor } from "@/lib/auth/actor";
import { getDatabase } from "@/lib/db";
import { sessionActor } from "@/lib/store/users";

/**
 * The signed-in person behind this request's session cookie, read fresh from the database (the
 * cookie holds only an id and a session version), or ANONYMOUS. Once per page render: the layout
 * and the page both ask, and React's `cache` gives the page the layout's answer.
 */
export const sessionActorOfRequest = cache(async (): Promise<Actor> => {
  const session = await auth();
  if (session?.userId === undefined || session.sessionVersion === undefined) return ANONYMOUS;
  const db = await getDatabase();
  return (await sessionActor(db.sql, session.userId, session.sessionVersion)) ?? ANONYMOUS;
});
