import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/auth-shell";
import { LinkActionForm } from "@/components/forms/link-action-form";
import { getConfig } from "@/lib/security/config";
import { requireAnonymous } from "@/lib/security/sessions/guards";
import { redeemMagicLinkAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn.magic"))("landingTitle"), referrer: "no-referrer" };
}

/**
 * The page an emailed sign-in link opens. Signing in takes a click (a POST): link scanners in
 * mail systems fetch links, and a GET that signed in would let them use up the link.
 */
export default async function MagicLinkLandingPage({ params }: { params: Promise<{ token: string }> }) {
  await requireAnonymous();
  const [{ token }, t] = await Promise.all([params, getTranslations("signIn.magic")]);
  return (
    <AuthShell appName={getConfig().appName} title={t("landingTitle")} description={t("landingDescription")}>
      <LinkActionForm action={redeemMagicLinkAction.bind(null, token)} label={t("landingSubmit")} />
    </AuthShell>
  );
}
