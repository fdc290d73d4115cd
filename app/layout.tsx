import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { ImpersonationBanner } from "@/components/impersonation-banner";
import { SiteHeader } from "@/components/site-header";
import { getConfig } from "@/lib/security/config";
import { impersonatorCookie } from "@/lib/security/sessions/cookies";
import { getSession } from "@/lib/security/sessions/current";
import { formatDateTime } from "@/lib/view/format";
import { returnToMyAccountAction } from "./impersonation/actions";
import { signOutAction } from "./logout/actions";
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
  const showBanner = impersonating !== null || (!current && Boolean(await impersonatorCookie()));
  return (
    <html lang="en">
      <body className="min-h-dvh antialiased">
        {showBanner ? <ImpersonationBanner viewing={impersonating} returnAction={returnToMyAccountAction} /> : null}
        <SiteHeader appName={appName} user={current ? { email: current.user.email } : null} isAdmin={isAdmin} signOutAction={signOutAction} />
        <main id="main" tabIndex={-1} className="outline-none">
          {children}
        </main>
      </body>
    </html>
  );
}
