import { MagicLinkView, magicLinkMetadata } from "@/app/(auth)/login/magic/magic-link-view";
import { setRequestLocale } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }) {
  return magicLinkMetadata((await params).locale);
}
// Built once; cookies() and headers() would read nothing here (decision 067).
export const dynamic = "force-static";

/** /login/magic with no session cookie, from the prerendered cache, in the visitor's language (proxy.ts rewrites here). */
export default async function PrerenderedLoginMagicPage({ params }: { params: Promise<{ locale: Locale }> }) {
  setRequestLocale((await params).locale);
  return <MagicLinkView />;
}
