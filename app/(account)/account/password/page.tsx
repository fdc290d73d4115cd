import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getConfig } from "@/lib/security/config";
import { requireUser } from "@/lib/security/sessions/guards";
import { pageLocale } from "@/lib/view/page-locale";
import { schemaWordsFor } from "@/lib/view/schema-words-server";
import { ChangePasswordForm } from "./change-password-form";
import { SetPasswordForm, type PasswordWords } from "./set-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.password"))("title") };
}

export default async function PasswordPage() {
  const { user } = await requireUser();
  const config = getConfig();
  const [t, locale, fields] = await Promise.all([getTranslations("account.password"), pageLocale(), getTranslations("forms.textField")]);
  const hasPassword = Boolean(user.passwordHash);
  const words: PasswordWords = {
    change: t("change"),
    set: t("set"),
    current: t("current"),
    new: t("new"),
    confirm: t("confirm"),
    hint: t("hint", { min: config.password.minLength }),
    setButton: t("setButton"),
    schema: schemaWordsFor(locale),
    passwordToggle: { show: fields("showPassword"), hide: fields("hidePassword") },
  };
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted">{hasPassword ? t("introChange") : t("introSet")}</p>
      </div>
      <Card>
        <CardHeader title={hasPassword ? t("change") : t("set")} />
        <CardBody>{hasPassword ? <ChangePasswordForm words={words} /> : <SetPasswordForm words={words} />}</CardBody>
      </Card>
    </>
  );
}
