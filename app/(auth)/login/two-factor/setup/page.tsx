import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/auth-shell";
import { getConfig } from "@/lib/security/config";
import { setupMethodsFor } from "@/lib/security/sign-in/second-factor-setup";
import { authenticatorWords, methodFieldsWords, methodOptionsInWords } from "@/lib/view/sign-in-words";
import { CancelSignIn } from "../cancel-sign-in";
import { requirePendingLogin } from "../guard";
import { SetupForm } from "./setup-form";
import type { SetupWords } from "./setup-types";
import { formWords } from "@/lib/view/form-words-server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn.twoFactor.setup"))("title") };
}

export default async function TwoFactorSetupPage() {
  const found = await requirePendingLogin("setup");
  const { user } = found;
  const config = getConfig();
  const [t, code, methods, fields, authenticator, form] = await Promise.all([
    getTranslations("signIn.twoFactor.setup"),
    getTranslations("signIn.twoFactor.code"),
    methodOptionsInWords(setupMethodsFor(found)),
    methodFieldsWords(),
    authenticatorWords(),
    formWords(),
  ]);
  const words: SetupWords = {
    formLabel: t("formLabel"),
    legend: t("legend"),
    continue: t("continue"),
    fields,
    scan: t("scan"),
    sentTo: t.raw("sentTo") as string,
    verifyLabel: t("verifyLabel"),
    code: code("codeLabel"),
    submit: t("submit"),
    chooseDifferent: t("chooseDifferent"),
    authenticator,
    schema: form.schema,
  };
  return (
    <AuthShell appName={config.appName} title={t("title")} description={t("description")} footer={<CancelSignIn />}>
      <SetupForm methods={methods} email={user.email} words={words} />
    </AuthShell>
  );
}
