import { LoginView, loginMetadata } from "@/app/(auth)/login/login-view";
import { setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }) {
  return loginMetadata((await params).locale);
}
// Built once; cookies() and headers() would read nothing here (decision 067).
export const dynamic = "force-static";

/** A bare /login with no session cookie, from the prerendered cache, in the visitor's language (proxy.ts rewrites here). */
export default async function PrerenderedLoginPage({ params }: { params: Promise<{ locale: Locale }> }) {
  setRequestLocale((await params).locale);
  return <LoginView />;
}
