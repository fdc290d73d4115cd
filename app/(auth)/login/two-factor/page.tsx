import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
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
import { schemaWordsFor } from "@/lib/view/schema-words-server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn.twoFactor.code"))("title") };
}

type CodeWords = Awaited<ReturnType<typeof getTranslations<"signIn.twoFactor.code">>>;

// An address or phone keeps its own direction inside a right-to-left sentence.
const strong = (chunks: ReactNode) => (
  <bdi className="font-medium break-words text-foreground" dir="ltr">
    {chunks}
  </bdi>
);

function describe(method: SecondFactorMethod | null, rescue: boolean, user: UserRecord, options: SecondFactorOptions, t: CodeWords): ReactNode {
  // After "Email me a code" the code to type is the emailed one, whatever the usual method is.
  if (rescue || method === "email") return t.rich("emailed", { email: user.email, strong });
  if (method === "sms") {
    const phone = options.profile?.phone;
    return phone ? t.rich("texted", { phone: maskPhone(phone), strong }) : t("textedNoPhone");
  }
  return t("app");
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
  const [locale, t] = await Promise.all([getLocale(), getTranslations("signIn.twoFactor.code")]);
  const deliveryError = pending.deliveryError && isErrorCode(pending.deliveryError) ? textFor(pending.deliveryError, undefined, locale) : null;
  return (
    <AuthShell
      appName={getConfig().appName}
      title={t("title")}
      description={describe(method, rescue, user, options, t)}
      footer={<SecondStepLinks options={options} current={method} />}
    >
      <div className="space-y-5">
        <NoticeBanner notice={noticeFrom(params.notice, undefined, locale)} />
        {deliveryError ? (
          <Alert tone="error" testId="delivery-error">
            {`${deliveryError} ${t("deliveryRetry")}`}
          </Alert>
        ) : null}
        <CodeForm
          canResend={!rescue && (method === "email" || method === "sms")}
          words={{ formLabel: t("formLabel"), code: t("codeLabel"), verify: t("verify"), sendNew: t("sendNew"), schema: schemaWordsFor(locale) }}
        />
      </div>
    </AuthShell>
  );
}
