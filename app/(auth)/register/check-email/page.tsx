import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth-shell";
import { Alert } from "@/components/ui/alert";
import { firstParam, type SearchParams } from "@/lib/view/notices";
import { getConfig } from "@/lib/security/config";
import { pageWords } from "@/lib/view/words";

export const metadata: Metadata = { title: "Check your email" };

/** Shown after registering — the same page whether or not the address already had an account. */
export default async function CheckEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const email = firstParam((await searchParams).email)?.slice(0, 254);
  return (
    <AuthShell appName={getConfig().appName} title="Check your email" description={email ? `We sent a message to ${email}.` : undefined}>
      <Alert tone="info" testId="notice">
        {(await pageWords()).CONFIRM_REGISTRATION}
      </Alert>
      <p className="mt-4 text-sm text-muted">
        Nothing arrived after a few minutes? Check your spam folder, or{" "}
        <Link href={email ? `/confirm?email=${encodeURIComponent(email)}` : "/confirm"} className="link">
          send the link again
        </Link>
        .
      </p>
    </AuthShell>
  );
}
