import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { AuthShell } from "@/components/auth-shell";
import { getConfig } from "@/lib/security/config";
import { secondFactorUrl } from "@/lib/security/sign-in/continue";
import { secondFactorOptions } from "@/lib/security/sign-in/second-factor";
import { CancelSignIn } from "../cancel-sign-in";
import { requirePendingLogin } from "../guard";
import { RescueForm } from "./rescue-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn.twoFactor.rescue"))("pageTitle") };
}

/** The ways around a lost second factor; an emailed code only when the first factor did not come by email. */
export default async function TwoFactorRescuePage() {
  const found = await requirePendingLogin("ready", "select");
  const { pending } = found;
  const options = await secondFactorOptions(found);
  const method = pending.method;
  const [t, links] = await Promise.all([getTranslations("signIn.twoFactor.rescue"), getTranslations("signIn.twoFactor.links")]);
  return (
    <AuthShell
      appName={getConfig().appName}
      title={method ? links(`cantUse.${method}`) : t("title")}
      description={t("description")}
      footer={
        <>
          <p>
            <Link href={secondFactorUrl(pending.state, pending.method)}>
              {method === "passkey" ? t("backToPasskey") : method ? t("backToCode") : t("back")}
            </Link>
          </p>
          <CancelSignIn />
        </>
      }
    >
      <RescueForm
        byEmail={options.rescueByEmail}
        recoveryCodes={options.recoveryCodes}
        words={{ byEmail: t("byEmail"), recovery: t("recovery"), askHelp: t("askHelp") }}
      />
    </AuthShell>
  );
}
