import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/auth-shell";
import { LinkActionForm } from "@/components/forms/link-action-form";
import { getConfig } from "@/lib/security/config";
import { cancelEmailChangeAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("changeEmail.cancel"))("title"), referrer: "no-referrer" };
}

/** The link mailed to the old address with a change request: one click (a POST) cancels it. */
export default async function CancelEmailChangePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("changeEmail.cancel");
  return (
    <AuthShell appName={getConfig().appName} title={t("title")} description={t("description")}>
      <LinkActionForm action={cancelEmailChangeAction.bind(null, token)} label={t("submit")} />
    </AuthShell>
  );
}
