import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AuthShell } from "@/components/auth-shell";
import { NoticeBanner } from "@/components/notice-banner";
import { noticeFrom, type SearchParams } from "@/lib/notices";
import { getConfig, type TwoFactorMethod } from "@/lib/security/config";
import { maskPhone } from "@/lib/security/phone";
import { secondFactorUrl } from "@/lib/security/current-user";
import { SECOND_FACTOR_LABELS, secondFactorMethods, type SecondFactorMethod } from "@/lib/security/second-factor";
import { getTwoFactor } from "@/lib/security/two-factor";
import type { UserRecord } from "@/lib/security/users";
import { CancelSignIn } from "./cancel-sign-in";
import { CodeForm } from "./code-form";
import { requirePendingLogin } from "./guard";

export const metadata: Metadata = { title: "Two-factor authentication" };

const strong = "font-medium break-words text-zinc-900 dark:text-zinc-100";

async function describe(method: TwoFactorMethod | "passkey", user: UserRecord): Promise<ReactNode> {
  if (method === "email" || method === "passkey") return <>We emailed a 6-digit code to <span className={strong}>{user.email}</span>.</>;
  if (method === "sms") {
    const phone = (await getTwoFactor(user.id))?.phone;
    return <>We texted a 6-digit code to <span className={strong}>{phone ? maskPhone(phone) : "your phone"}</span>.</>;
  }
  return "Enter the 6-digit code from your authenticator app.";
}

export default async function TwoFactorPage({ searchParams }: { searchParams: SearchParams }) {
  const { pending, user } = await requirePendingLogin("ready");
  const params = await searchParams;
  const config = getConfig();
  const method = (pending.method ?? "authenticator") as SecondFactorMethod;
  // A passkey user lands here only to type an emailed rescue code.
  if (method === "passkey" && !pending.rescueSecretEncrypted) redirect(secondFactorUrl(pending.state, method));
  const { methods } = await secondFactorMethods(user.id);
  return (
    <AuthShell
      appName={config.appName}
      title="Two-factor authentication"
      description={await describe(method, user)}
      footer={
        <>
          <p>
            <Link href="/login/two-factor/rescue">Can&apos;t use your {SECOND_FACTOR_LABELS[method]}?</Link>
          </p>
          {methods.length > 1 ? (
            <p>
              <Link href="/login/two-factor/select">Use another method</Link>
            </p>
          ) : null}
          {config.recoveryCodes.enabled ? (
            <p>
              <Link href="/login/two-factor/recovery">Use a recovery code</Link>
            </p>
          ) : null}
          <CancelSignIn />
        </>
      }
    >
      <div className="space-y-5">
        <NoticeBanner notice={noticeFrom(params.notice)} />
        <CodeForm canResend={method === "email" || method === "sms"} />
      </div>
    </AuthShell>
  );
}
