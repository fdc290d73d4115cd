import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { ImpersonationBanner } from "@/components/impersonation-banner";
import { SiteHeader } from "@/components/site-header";
import { getConfig } from "@/lib/security/config";
import { impersonatorCookie } from "@/lib/security/sessions/cookies";
import { getSession } from "@/lib/security/sessions/current";
import { formatDateTime } from "@/lib/view/format";
import { parseTheme, THEME_COOKIE } from "@/lib/view/theme";
import { returnToMyAccountAction } from "./impersonation/actions";
import { signOutAction } from "./logout/actions";
import { setThemeAction } from "./theme/actions";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { appName } = getConfig();
  return { title: { default: appName, template: `%s · ${appName}` }, description: `${appName} account` };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0b0b12" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { appName, adminRole } = getConfig();
  const current = await getSession();
  const isAdmin = current?.authorization.roles.includes(adminRole) ?? false;
  const impersonating = current?.session.impersonatorId ? { email: current.user.email, until: formatDateTime(current.session.expiresAt) } : null;
  // Read on the server so the first paint is already in the chosen theme (decision 060).
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const showBanner = impersonating !== null || (!current && Boolean(await impersonatorCookie()));
  return (
    <html lang="en" data-theme={theme === "system" ? undefined : theme}>
      <body className="min-h-dvh antialiased">
        {showBanner ? <ImpersonationBanner viewing={impersonating} returnAction={returnToMyAccountAction} /> : null}
        <SiteHeader
          appName={appName}
          user={current ? { email: current.user.email } : null}
          isAdmin={isAdmin}
          signOutAction={signOutAction}
          theme={theme}
          themeAction={setThemeAction}
        />
        <main id="main" tabIndex={-1} className="outline-none">
          {children}
        </main>
      </body>
    </html>
  );
}
