import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/auth-shell";
import type { Locale } from "@/lib/i18n/locales";
import { formWords } from "@/lib/view/form-words-server";
import { staticPageSettings } from "@/lib/view/static-settings";
import { RegisterForm, type RegisterFormWords } from "./register-form";

/** The page's title; a prerendered copy names its language (its metadata is read before its layout sets it). */
export async function registerMetadata(locale?: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale: locale ?? (await getLocale()), namespace: "register" });
  return { title: t("title") };
}

/** The registration page, prerendered for a bare /register, per request otherwise (decision 067). */
export async function RegisterView({ next }: { next?: string }) {
  const config = staticPageSettings();
  if (!config.features.registerable) notFound();
  const [t, fields] = await Promise.all([getTranslations("register"), formWords()]);
  const minLength = config.password.minLength;
  const words: RegisterFormWords = {
    label: t("form.label"),
    email: t("form.email"),
    username: config.username.required ? t("form.username") : t("form.usernameOptional"),
    usernameHint: t("form.usernameHint"),
    password: config.passwordRequired ? t("form.password") : t("form.passwordOptional"),
    passwordHint: config.passwordRequired ? t("form.passwordHint", { minLength }) : t("form.passwordOptionalHint", { minLength }),
    confirmPassword: t("form.confirmPassword"),
    submit: t("form.submit"),
  };
  return (
    <AuthShell
      appName={config.appName}
      title={t("heading")}
      description={t("description")}
      footer={
        <p>
          {t.rich("haveAccount", {
            link: (chunks) => (
              <Link href="/login" className="link">
                {chunks}
              </Link>
            ),
          })}
        </p>
      }
    >
      <RegisterForm
        next={next}
        usernames={config.username.enabled}
        passwordOptional={!config.passwordRequired}
        confirmPassword={config.forms.passwordConfirmRequired}
        words={words}
        formWords={fields}
      />
    </AuthShell>
  );
}
