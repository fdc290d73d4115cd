import { getTranslations } from "next-intl/server";
import { ThemeSwitch } from "@/components/theme-switch";
import type { Locale } from "@/lib/i18n/locales";
import type { Theme } from "@/lib/view/theme";
import { SiteHeaderView, type SiteHeaderWords } from "./site-header-view";

export type SiteHeaderProps = {
  /** Named, not read from the request: on a prerendered page there is none (lib/i18n/request.ts). */
  locale: Locale;
  appName: string;
  user: { email: string } | null;
  /** Server action that ends the session. */
  signOutAction?: () => Promise<void>;
  isAdmin?: boolean;
  /** The visitor's theme, when the page is rendered per request; a prerendered page leaves it to the switch's script. */
  theme?: Theme;
};

/** In the page's language, named by the caller. */
export async function SiteHeader({ locale, appName, user, signOutAction, isAdmin = false, theme }: SiteHeaderProps) {
  const t = await getTranslations({ locale, namespace: "header" });
  const words: SiteHeaderWords = {
    skip: t("skip"),
    mainNav: t("mainNav"),
    account: t("account"),
    admin: t("admin"),
    signOut: t("signOut"),
    signIn: t("signIn"),
    createAccount: t("createAccount"),
  };
  return (
    <SiteHeaderView
      appName={appName}
      user={user}
      isAdmin={isAdmin}
      signOutAction={signOutAction}
      words={words}
      themeSwitch={<ThemeSwitch locale={locale} theme={theme} />}
    />
  );
}
