import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { AuthCard } from "@/components/auth/auth-card";
import { FirstAdminForm } from "@/components/auth/first-admin-form";
import { requestTime } from "@/lib/clock";
import { getDatabase } from "@/lib/db";
import { firstAdminTokenUsable } from "@/lib/store/sign-in-links";

export const metadata: Metadata = { title: "First admin" };

/** Opened from the link the console prints on its first start (docs/access.md "First start"). */
export default async function FirstAdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const token = (await searchParams).token;
  const usable = typeof token === "string" && (await firstAdminTokenUsable((await getDatabase()).sql, token, requestTime()));
  return (
    <AuthCard title="Create the first admin">
      {usable ? (
        <>
          <p className="text-muted text-sm">
            This console has no accounts yet. The account you create here is an admin of the whole model; it can add everyone else.
          </p>
          <FirstAdminForm token={token} />
        </>
      ) : (
        <>
          <p className="text-sm">This link is used, expired or replaced by a newer one, or the console has accounts already.</p>
          <p className="text-muted text-sm">
            Restart the console for a fresh link while it has no account, or create one with{" "}
            <code className="font-mono">npm run user -- create --admin EMAIL</code>.
          </p>
          <Link href="/sign-in" className="text-accent text-sm hover:underline">
            Go to sign-in
          </Link>
        </>
      )}
    </AuthCard>
  );
}
