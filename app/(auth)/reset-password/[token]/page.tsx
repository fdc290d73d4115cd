import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/auth-shell";
import { getConfig } from "@/lib/security/config";
import { checkResetToken } from "@/lib/security/passwords/reset";
import { formWords } from "@/lib/view/form-words-server";
import { ResetPasswordForm } from "./reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recovery.reset"))("title"), referrer: "no-referrer" };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await checkResetToken(token);
  if (state !== "valid") {
    redirect(`/forgot-password?notice=${state === "expired" ? "PASSWORD_RESET_EXPIRED" : "INVALID_RESET_PASSWORD_TOKEN"}`);
  }
  const config = getConfig();
  const [t, fields] = await Promise.all([getTranslations("recovery.reset"), formWords()]);
  return (
    <AuthShell appName={config.appName} title={t("title")} description={t("description")}>
      <ResetPasswordForm
        token={token}
        words={{
          label: t("title"),
          newPassword: t("newPassword"),
          hint: t("hint", { minLength: config.password.minLength }),
          confirm: t("confirm"),
          submit: t("submit"),
        }}
        formWords={fields}
      />
    </AuthShell>
  );
}
