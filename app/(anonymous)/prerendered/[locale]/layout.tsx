import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { Document } from "@/app/document";
import { SiteHeader } from "@/components/site-header";
import { isLocale, LOCALES } from "@/lib/i18n/locales";
import { SETTINGS_META, staticPageSettings, staticSettingsFingerprint } from "@/lib/view/static-settings";

/** One copy of every prerendered page per language. */
export function generateStaticParams(): { locale: string }[] {
  return LOCALES.map((locale) => ({ locale }));
}
export const dynamicParams = false;

/**
 * The prerendered anonymous pages (decision 067): proxy.ts rewrites /login, /register… to the copy in
 * the visitor's language when the visitor has no session cookie and the URL carries nothing the page
 * would read; otherwise the dynamic page at the same URL answers. Built once, so nothing here may
 * depend on the request: the header is the signed-out one, and the theme switch is marked by its
 * inline script.
 */
export default async function PrerenderedLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return (
    <Document locale={locale}>
      <meta name={SETTINGS_META} content={staticSettingsFingerprint()} />
      <SiteHeader locale={locale} appName={staticPageSettings().appName} user={null} />
      <main id="main" tabIndex={-1} className="outline-none">
        {children}
      </main>
    </Document>
  );
}
