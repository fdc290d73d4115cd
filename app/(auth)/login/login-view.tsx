import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/auth-shell";
import { NoticeBanner } from "@/components/notice-banner";
import type { Locale } from "@/lib/i18n/locales";
import type { Notice } from "@/lib/view/notices";
import { staticPageSettings, type StaticPageSettings } from "@/lib/view/static-settings";
import { passkeyErrorWords, schemaWordsOnly } from "@/lib/view/sign-in-words";
import { LoginForm, type LoginWords } from "./login-form";
import { OtherWays } from "./other-ways";

/** The page's <title>; a prerendered copy names its language (its request has none). */
export async function loginMetadata(locale?: Locale): Promise<Metadata> {
  const t = await (locale ? getTranslations({ locale, namespace: "signIn.login" }) : getTranslations("signIn.login"));
  return { title: t("title") };
}

type IdentityKey = "email" | "emailOrUsername" | "emailUsernameOrPhone" | "emailOrPhone";

/** What the identity field accepts: email, plus username and phone when those identify accounts. */
function identityKind(config: StaticPageSettings): IdentityKey {
  const phone = config.unified.enabled && config.unified.methods.includes("sms");
  if (config.username.enabled) return phone ? "emailUsernameOrPhone" : "emailOrUsername";
  return phone ? "emailOrPhone" : "email";
}

/** The sign-in box's words, in the page's language: props, so no catalogue reaches the browser. */
async function loginWords(identity: IdentityKey): Promise<LoginWords> {
  const [t, send, fields] = await Promise.all([getTranslations("signIn.login"), getTranslations("signIn.sendCode"), getTranslations("forms.textField")]);
  return {
    formLabel: t("formLabel"),
    identity: t(`identity.${identity}`),
    password: t("password"),
    or: t("or"),
    passwordToggle: { show: fields("showPassword"), hide: fields("hidePassword") },
    oneTimeCode: t("oneTimeCode"),
    codeHint: t("codeHint"),
    identityFirst: t("identityFirst"),
    submit: t("submit"),
    withPasskey: t("withPasskey"),
    otherWays: t("otherWays"),
    usePassword: t("usePassword"),
    useCode: t("useCode"),
    remember: t("remember"),
    resendConfirmation: t("resendConfirmation"),
    unreachable: t("unreachable"),
    unexpected: t("unexpected"),
    sendCode: { group: send("group"), email: send("email"), sms: send("sms") },
    passkey: await passkeyErrorWords(),
    // Only the checks the sign-in schema can fail (use-login-submit.ts), not the whole "schema" namespace.
    schema: await schemaWordsOnly(["emailMissing", "passwordMissing", "invalidText", "tooLong", "passwordTooLong"]),
  };
}

/**
 * The sign-in page, for both of its renderings (decision 067): prerendered for a bare /login
 * (app/(anonymous)/prerendered/login), per request when the URL names a `next` or a notice, or the
 * visitor has a session cookie (page.tsx).
 */
export async function LoginView({ next, notice = null }: { next?: string; notice?: Notice | null }) {
  const config = staticPageSettings();
  const identity = identityKind(config);
  const [t, words] = await Promise.all([getTranslations("signIn.login"), loginWords(identity)]);
  return (
    <AuthShell
      appName={config.appName}
      title={t("title")}
      description={t("welcome", { appName: config.appName })}
      footer={
        config.features.registerable ? (
          <p>
            {t("newHere")}{" "}
            <Link href="/register" className="link">
              {t("createAccount")}
            </Link>
          </p>
        ) : null
      }
    >
      <NoticeBanner notice={notice} />
      <LoginForm
        next={next}
        words={words}
        identityType={identity === "email" ? "email" : "text"}
        canResendConfirmation={config.features.confirmable}
        passkeys={config.webauthn.enabled && config.webauthn.allowAsFirstFactor}
        unified={config.unified.enabled ? { codeMethods: config.unified.methods.filter((m) => m === "email" || m === "sms") } : null}
        defaultRemember={config.forms.defaultRememberMe}
        otherWays={
          <OtherWays
            next={next}
            providers={config.oauth.providers}
            magicLink={config.magicLink.enabled}
            canReset={config.features.recoverable}
            canRecoverUsername={config.features.usernameRecovery}
            canResendConfirmation={config.features.confirmable}
          />
        }
      />
    </AuthShell>
  );
}
