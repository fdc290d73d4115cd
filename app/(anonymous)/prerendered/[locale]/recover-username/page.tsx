import { RecoverUsernameView, recoverUsernameMetadata } from "@/app/(auth)/recover-username/recover-username-view";
import { setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props) {
  return recoverUsernameMetadata((await params).locale);
}
// Built once; cookies() and headers() would read nothing here (decision 067).
export const dynamic = "force-static";

/** A bare /recover-username with no session cookie, from the prerendered cache, in the visitor's language (proxy.ts rewrites here). */
export default async function PrerenderedRecoverUsernamePage({ params }: Props) {
  setRequestLocale((await params).locale);
  return <RecoverUsernameView />;
}
