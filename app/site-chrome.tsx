import { cookies } from "next/headers";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { ImpersonationBanner } from "@/components/impersonation-banner";
import { SiteHeader } from "@/components/site-header";
import { getConfig } from "@/lib/security/config";
import { impersonatorCookie } from "@/lib/security/sessions/cookies";
import { getSession } from "@/lib/security/sessions/current";
import { formatDateTime } from "@/lib/view/format";
import { parseTheme, THEME_COOKIE } from "@/lib/view/theme";
import { returnToMyAccountAction } from "./impersonation/actions";
import type { Locale } from "@/lib/i18n/locales";
import { Document } from "./document";
import { signOutAction } from "./logout/actions";

/**
 * The document, header and <main> of every page rendered per request: its language (the one proxy.ts
 * chose), who is signed in, the view-as banner, and the theme switch pressed as the cookie says. The
 * prerendered anonymous pages have their own, static one (app/(anonymous)/prerendered/[locale]/layout.tsx).
 */
export async function SiteChrome({ children, locale: named }: { children: ReactNode; locale?: Locale }) {
  const locale = named ?? (await getLocale());
  const { appName, adminRole } = getConfig();
  const current = await getSession();
  const isAdmin = current?.authorization.roles.includes(adminRole) ?? false;
  const impersonating = current?.session.impersonatorId ? { email: current.user.email, until: formatDateTime(current.session.expiresAt) } : null;
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const showBanner = impersonating !== null || (!current && Boolean(await impersonatorCookie()));
  return (
    <Document locale={locale}>
      {showBanner ? <ImpersonationBanner locale={locale} viewing={impersonating} returnAction={returnToMyAccountAction} /> : null}
      <SiteHeader
        locale={locale}
        appName={appName}
        user={current ? { email: current.user.email } : null}
        isAdmin={isAdmin}
        signOutAction={signOutAction}
        theme={theme}
      />
      <main id="main" tabIndex={-1} className="outline-none">
        {children}
      </main>
    </Document>
  );
}
