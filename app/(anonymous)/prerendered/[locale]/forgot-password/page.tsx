import { ForgotPasswordView, forgotPasswordMetadata } from "@/app/(auth)/forgot-password/forgot-password-view";
import { setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props) {
  return forgotPasswordMetadata((await params).locale);
}
// Built once; cookies() and headers() would read nothing here (decision 067).
export const dynamic = "force-static";

/** A bare /forgot-password with no session cookie, from the prerendered cache, in the visitor's language (proxy.ts rewrites here). */
export default async function PrerenderedForgotPasswordPage({ params }: Props) {
  setRequestLocale((await params).locale);
  return <ForgotPasswordView />;
}
