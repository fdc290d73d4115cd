import { RegisterView, registerMetadata } from "@/app/(auth)/register/register-view";
import { setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props) {
  return registerMetadata((await params).locale);
}
// Built once; cookies() and headers() would read nothing here (decision 067).
export const dynamic = "force-static";

/** A bare /register with no session cookie, from the prerendered cache, in the visitor's language (proxy.ts rewrites here). */
export default async function PrerenderedRegisterPage({ params }: Props) {
  setRequestLocale((await params).locale);
  return <RegisterView />;
}
