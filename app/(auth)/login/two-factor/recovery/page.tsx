import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { AuthShell } from "@/components/auth-shell";
import { getConfig } from "@/lib/security/config";
import { secondFactorUrl } from "@/lib/security/sign-in/continue";
import { CancelSignIn } from "../cancel-sign-in";
import { requirePendingLogin } from "../guard";
import { RecoveryForm } from "./recovery-form";
import { formWords } from "@/lib/view/form-words-server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn.twoFactor.recovery"))("title") };
}

export default async function RecoveryCodePage() {
  const config = getConfig();
  if (!config.recoveryCodes.enabled) notFound();
  const { pending } = await requirePendingLogin("ready", "select");
  const method = pending.method;
  const t = await getTranslations("signIn.twoFactor.recovery");
  return (
    <AuthShell
      appName={config.appName}
      title={t("title")}
      description={t("description")}
      footer={
        <>
          <p>
            <Link href={secondFactorUrl(pending.state, method)}>{method ? t(`useInstead.${method}`) : t("chooseAnother")}</Link>
          </p>
          <CancelSignIn />
        </>
      }
    >
      <RecoveryForm words={{ formLabel: t("formLabel"), label: t("label"), hint: t("hint"), submit: t("submit"), schema: (await formWords()).schema }} />
    </AuthShell>
  );
}
