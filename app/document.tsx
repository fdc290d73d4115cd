import type { ReactNode } from "react";
import { textDirection, type Locale } from "@/lib/i18n/locales";
import { THEME_SCRIPT } from "@/lib/view/theme-script";

/**
 * <html> and <body> of every page, in the page's language and direction. Not in the root layout:
 * that one has no language to give (a prerendered page learns its language from its [locale]
 * segment, a rendered one from the request), so each kind of page draws its own document — the
 * prerendered layout, SiteChrome for pages rendered per request, and the status pages. The chosen
 * theme is applied before the first paint by a fixed inline script the CSP allows by its hash (the
 * `data-theme` it sets is why hydration must not complain about <html>).
 */
export function Document({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <html lang={locale} dir={textDirection(locale)} suppressHydrationWarning>
      <body className="min-h-dvh antialiased">
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
        {children}
      </body>
    </html>
  );
}
