import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/auth-shell";
import { LinkActionForm } from "@/components/forms/link-action-form";
import { getConfig } from "@/lib/security/config";
import { unlockAccountAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recovery.unlock"))("title"), referrer: "no-referrer" };
}

/** The emailed unlock link (sent when too many failed sign-ins locked the account). A POST, like every emailed link. */
export default async function UnlockPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("recovery.unlock");
  return (
    <AuthShell appName={getConfig().appName} title={t("title")} description={t("description")}>
      <LinkActionForm action={unlockAccountAction.bind(null, token)} label={t("submit")} />
    </AuthShell>
  );
}
