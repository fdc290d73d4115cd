import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { staticPageSettings } from "@/lib/view/static-settings";
import { THEME_SCRIPT } from "@/lib/view/theme-script";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { appName } = staticPageSettings();
  return { title: { default: appName, template: `%s · ${appName}` }, description: `${appName} account` };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0b0b12" },
  ],
};

/**
 * Static, so the anonymous pages can be prerendered (decision 067): who is signed in is shown by the
 * header of each group's layout (app/site-chrome.tsx for dynamic pages, app/(anonymous)/layout.tsx
 * for the prerendered ones), and the chosen theme is applied before the first paint by a fixed
 * inline script the CSP allows by its hash (the `data-theme` it sets is why hydration must not
 * complain about <html>).
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh antialiased">
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
        {children}
      </body>
    </html>
  );
}
