import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth-shell";
import { LinkActionForm } from "@/components/forms/link-action-form";
import { firstParam, type SearchParams } from "@/lib/view/notices";
import { getConfig } from "@/lib/security/config";
import { getSession } from "@/lib/security/sessions/current";
import { pageWords } from "@/lib/view/words";
import { safeRedirectPath } from "@/lib/security/core/redirects";
import { stepUpAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn.twoFactor.required"))("title") };
}

/**
 * Where requireUser() sends a session that was signed in with one factor after two-factor became
 * required of its user (e.g. an administrator gave them a role that requires it).
 */
export default async function StepUpPage({ searchParams }: { searchParams: SearchParams }) {
  const config = getConfig();
  const current = await getSession();
  if (!current?.stepUpRequired) redirect(config.views.postLogin);
  const next = safeRedirectPath(firstParam((await searchParams).next));
  const t = await getTranslations("signIn.twoFactor.required");
  return (
    <AuthShell appName={config.appName} title={t("title")} description={(await pageWords()).TWO_FACTOR_STEP_UP_REQUIRED}>
      <LinkActionForm action={stepUpAction.bind(null, next)} label={t("continue")} />
    </AuthShell>
  );
}
