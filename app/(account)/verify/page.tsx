import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/auth-shell";
import { Alert } from "@/components/ui/alert";
import { textFor } from "@/lib/view/text";
import { firstParam, noticeFrom, type SearchParams } from "@/lib/view/notices";
import { getConfig } from "@/lib/security/config";
import { requireUser } from "@/lib/security/sessions/guards";
import { listPasskeys } from "@/lib/security/passkeys/credentials";
import { safeRedirectPath } from "@/lib/security/core/redirects";
import { Disclosure } from "@/components/ui/disclosure";
import { listSignInMethods } from "@/lib/security/codes/store";
import { CodeVerify } from "./code-verify";
import { PasskeyVerify } from "./passkey-verify";
import { VerifyForm } from "./verify-form";
import { OAuthButtons } from "@/components/oauth-buttons";
import { NoticeBanner } from "@/components/notice-banner";
import { listLinks } from "@/lib/security/oauth/links";
import { passkeyErrorWords } from "@/lib/view/sign-in-words";
import { formWords } from "@/lib/view/form-words-server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("verify"))("title") };
}

export default async function VerifyPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, session } = await requireUser();
  const config = getConfig();
  const [t, locale] = await Promise.all([getTranslations("verify"), getLocale()]);
  // An administrator viewing as this user cannot re-verify as them (decision 042): say so, offer nothing.
  if (session.impersonatorId) {
    return (
      <AuthShell appName={config.appName} title={t("impersonationTitle")} description={t("impersonationDescription")}>
        <Alert tone="warning" testId="impersonation-refused">
          {textFor("IMPERSONATION_FRESHNESS_REFUSED", undefined, locale)}
        </Alert>
      </AuthShell>
    );
  }
  const params = await searchParams;
  const next = safeRedirectPath(firstParam(params.next)) ?? undefined;
  // "Continue with <provider>" for the providers linked to this account (and still configured).
  const linked = new Set((await listLinks(user.id)).map((l) => l.provider));
  const providers = config.oauth.providers.filter((p) => linked.has(p.id)).map(({ id, name }) => ({ id, name }));
  const usable = config.webauthn.enabled
    ? (await listPasskeys(user.id)).some((p) => (config.webauthn.allowAsVerify as readonly string[]).includes(p.usage))
    : false;
  const hasPassword = Boolean(user.passwordHash);
  const codeMethods = (await listSignInMethods(user.id)).map((m) => m.method);
  const senders = codeMethods.filter((m): m is "email" | "sms" => m === "email" || m === "sms");
  const [send, oauth, fields] = await Promise.all([getTranslations("signIn.sendCode"), getTranslations("signIn.oauth"), formWords()]);
  const codeWords = {
    formLabel: t("codeFormLabel"),
    code: t("oneTimeCode"),
    submit: t("verifyCode"),
    email: send("email"),
    sms: send("sms"),
    schema: fields.schema,
  };
  // One way first (the password, else a passkey, else a code, else a provider); the others wait
  // behind "Use another way" rather than stacked under dividers (#16).
  const ways = [
    hasPassword ? (
      <VerifyForm
        key="password"
        email={user.email}
        next={next}
        words={{ formLabel: t("formLabel"), password: t("password"), submit: t("continue"), ...fields }}
      />
    ) : null,
    usable ? <PasskeyVerify key="passkey" next={next} primary={!hasPassword} label={t("passkey")} errors={await passkeyErrorWords()} /> : null,
    codeMethods.length ? <CodeVerify key="code" senders={senders} next={next} primary={!hasPassword && !usable} words={codeWords} /> : null,
    providers.length ? (
      <OAuthButtons key="oauth" providers={providers} intent="verify" next={next} label={(provider) => oauth("continueWith", { provider })} />
    ) : null,
  ].filter((way) => way !== null);
  const [first, ...others] = ways;
  return (
    <AuthShell appName={config.appName} title={t("title")} description={t("description")}>
      <NoticeBanner notice={noticeFrom(params.notice, params.provider, locale)} />
      <div className="space-y-5">
        {first}
        {others.length ? (
          <Disclosure summary={t("otherWays")} testId="other-ways">
            {others}
          </Disclosure>
        ) : null}
      </div>
    </AuthShell>
  );
}
