"use server";

import { z } from "zod";
import { signIn } from "@/auth";
import { hashPassword, passwordProblem } from "@/lib/auth/password";
import { getDatabase } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { redeemFirstAdminToken } from "@/lib/store/sign-in-links";
import { emailSchema } from "@/lib/store/users";

export interface FirstAdminState {
  error: string | null;
  email: string;
  name: string;
}

const formSchema = z.object({
  token: z.string().min(1).max(200),
  email: emailSchema,
  name: z.string().trim().max(200),
  password: z.string(),
  confirm: z.string(),
});

/**
 * Creates the first admin with the one-time link's token (lib/store/sign-in-links.ts), then signs
 * them in. The token is checked again here, in the transaction that creates the account: the page
 * having shown the form proves nothing.
 */
export async function createFirstAdmin(_previous: FirstAdminState, form: FormData): Promise<FirstAdminState> {
  const raw = Object.fromEntries(["token", "email", "name", "password", "confirm"].map((k) => [k, String(form.get(k) ?? "")]));
  const kept = { email: raw.email ?? "", name: raw.name ?? "" };
  const parsed = formSchema.safeParse(raw);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    return { ...kept, error: field === "email" ? "Enter an email address such as ann@example.com." : "Fill in every field." };
  }
  const { token, email, name, password, confirm } = parsed.data;
  const problem = passwordProblem(password, email);
  if (problem !== null) return { ...kept, error: `The password ${problem}.` };
  if (password !== confirm) return { ...kept, error: "The two passwords differ." };
  const db = await getDatabase();
  try {
    await redeemFirstAdminToken(db.sql, token, { email, name, passwordHash: await hashPassword(password) }, Date.now());
  } catch (error) {
    if (error instanceof AppError) return { ...kept, error: error.message };
    throw error;
  }
  await signIn("credentials", { email, password, redirectTo: "/" });
  return { ...kept, error: null };
}
