import type { ReactNode } from "react";
import { Document } from "@/app/document";
import { signOutAction } from "@/app/logout/actions";
import { SiteHeaderView } from "@/components/site-header-view";
import { ThemeSwitchView } from "@/components/theme-switch-view";
import { staticPageSettings } from "@/lib/view/static-settings";
import { THEME_SWITCH_SCRIPT } from "@/lib/view/theme-script";

const HEADER_WORDS = {
  skip: "Skip to content",
  mainNav: "Main",
  account: "Account",
  admin: "Admin",
  signOut: "Sign out",
  signIn: "Sign in",
  createAccount: "Create account",
};
const THEME_WORDS = { group: "Theme", light: "Light", dark: "Dark", system: "System" };

/**
 * Bench-only (decisions 068, 072): the document and header the real pages draw around their content —
 * the same components with constant words, no session, no catalogue — so a floor page carries as
 * much markup as the page it is measured against. `signedIn` draws the header /account shows (the
 * account menu and the sign-out form), else the prerendered pages' signed-out one with the theme
 * switch's inline script.
 */
export function FloorChrome({ signedIn, children }: { signedIn: boolean; children: ReactNode }) {
  const themeSwitch = signedIn ? (
    <ThemeSwitchView words={THEME_WORDS} theme="system" />
  ) : (
    <>
      <ThemeSwitchView words={THEME_WORDS} />
      <script dangerouslySetInnerHTML={{ __html: THEME_SWITCH_SCRIPT }} />
    </>
  );
  return (
    <Document locale="en">
      <SiteHeaderView
        appName={staticPageSettings().appName}
        user={signedIn ? { email: "floor@example.com" } : null}
        isAdmin={false}
        signOutAction={signedIn ? signOutAction : undefined}
        words={HEADER_WORDS}
        themeSwitch={themeSwitch}
      />
      <main id="main" tabIndex={-1} className="outline-none">
        {children}
      </main>
    </Document>
  );
}
