import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { staticPageSettings } from "@/lib/view/static-settings";
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
 * Static, so the anonymous pages can be prerendered (decision 067), and without <html>: a page's
 * language is not known here, so app/document.tsx draws the document one level down — in each
 * group's layout through SiteChrome for pages rendered per request, and in
 * app/(anonymous)/prerendered/[locale]/layout.tsx, once per language, for the prerendered ones.
 */
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
