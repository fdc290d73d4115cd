import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AuthShell } from "@/components/auth-shell";
import { NoticeBanner } from "@/components/notice-banner";
import { Alert } from "@/components/ui/alert";
import { noticeFrom, type SearchParams } from "@/lib/view/notices";
import { getConfig } from "@/lib/security/config";
import { secondFactorUrl } from "@/lib/security/sign-in/continue";
import { isErrorCode } from "@/lib/security/core/errors";
import { textFor } from "@/lib/view/text";
import { maskPhone } from "@/lib/security/accounts/phone";
import { secondFactorOptions, type SecondFactorMethod, type SecondFactorOptions } from "@/lib/security/sign-in/second-factor";
import type { UserRecord } from "@/lib/security/accounts/users";
import { CodeForm } from "./code-form";
import { requirePendingLogin } from "./guard";
import { SecondStepLinks } from "./second-step-links";

export const metadata: Metadata = { title: "Two-step verification" };

const strong = "font-medium break-words text-foreground";

function describe(method: SecondFactorMethod | null, rescue: boolean, user: UserRecord, options: SecondFactorOptions): ReactNode {
  // After "Email me a code" the code to type is the emailed one, whatever the usual method is.
  if (rescue || method === "email")
    return (
      <>
        Enter the 6-digit code we emailed to <span className={strong}>{user.email}</span>.
      </>
    );
  if (method === "sms") {
    const phone = options.profile?.phone;
    return (
      <>
        Enter the 6-digit code we texted to <span className={strong}>{phone ? maskPhone(phone) : "your phone"}</span>.
      </>
    );
  }
  return "Enter the 6-digit code from your authenticator app.";
}

export default async function TwoFactorPage({ searchParams }: { searchParams: SearchParams }) {
  const found = await requirePendingLogin("ready");
  const { pending, user } = found;
  const params = await searchParams;
  const method = pending.method;
  const rescue = Boolean(pending.rescueSecretEncrypted);
  // A passkey user lands here only to type an emailed rescue code.
  if (method === "passkey" && !rescue) redirect(secondFactorUrl(pending.state, method));
  const options = await secondFactorOptions(found);
  const deliveryError = pending.deliveryError && isErrorCode(pending.deliveryError) ? textFor(pending.deliveryError, undefined, await getLocale()) : null;
  return (
    <AuthShell
      appName={getConfig().appName}
      title="Two-step verification"
      description={describe(method, rescue, user, options)}
      footer={<SecondStepLinks options={options} current={method} />}
    >
      <div className="space-y-5">
        <NoticeBanner notice={noticeFrom(params.notice, undefined, await getLocale())} />
        {deliveryError ? (
          <Alert tone="error" testId="delivery-error">
            {`${deliveryError} Try again in a few minutes, or use another way below.`}
          </Alert>
        ) : null}
        <CodeForm canResend={!rescue && (method === "email" || method === "sms")} />
      </div>
    </AuthShell>
  );
}
