import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/auth-shell";
import { LinkActionForm } from "@/components/forms/link-action-form";
import { redirect } from "next/navigation";
import { getConfig } from "@/lib/security/config";
import { checkConfirmationToken } from "@/lib/security/accounts/confirmation";
import { confirmEmailAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("confirm"))("title"), referrer: "no-referrer" };
}

/**
 * The page an emailed confirmation link opens. Confirming takes a click (a POST): mail scanners
 * fetch links, and a GET that confirmed would confirm an account for whoever registered it.
 */
export default async function ConfirmLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // A link that cannot confirm says so at once; only a good one waits for the click.
  const state = await checkConfirmationToken(token);
  if (!state.ok) redirect(`${state.code === "ALREADY_CONFIRMED" ? "/login" : "/confirm"}?notice=${state.code}`);
  const t = await getTranslations("confirm.link");
  return (
    <AuthShell appName={getConfig().appName} title={t("heading")} description={t("description")}>
      <LinkActionForm action={confirmEmailAction.bind(null, token)} label={t("submit")} />
    </AuthShell>
  );
}
