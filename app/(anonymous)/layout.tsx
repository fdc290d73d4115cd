import type { ReactNode } from "react";
import { SiteHeader } from "@/components/site-header";
import { SETTINGS_META, staticPageSettings, staticSettingsFingerprint } from "@/lib/view/static-settings";

/**
 * The prerendered anonymous pages (decision 067): proxy.ts rewrites /login, /register… here when
 * the visitor has no session cookie and the URL carries nothing the page would read; otherwise the
 * dynamic page at the same URL answers. Built once, so nothing here may depend on the request:
 * the header is the signed-out one, and the theme switch is marked by its inline script.
 */
export default function PrerenderedLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <meta name={SETTINGS_META} content={staticSettingsFingerprint()} />
      <SiteHeader appName={staticPageSettings().appName} user={null} />
      <main id="main" tabIndex={-1} className="outline-none">
        {children}
      </main>
    </>
  );
}
