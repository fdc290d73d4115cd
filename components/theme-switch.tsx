import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import type { Theme } from "@/lib/view/theme";
import { THEME_SWITCH_SCRIPT } from "@/lib/view/theme-script";
import { ThemeSwitchView } from "./theme-switch-view";

/**
 * Light / dark / system, as three toggle buttons of one form. The form posts to /theme
 * (app/theme/route.ts), which sets the cookie and sends the browser back to the page, so it needs no
 * JavaScript, works before hydration, and every button is reachable with Tab and pressed with Enter
 * or Space. A full page load, not a server action: the root layout is static (decision 067), so only
 * the page's first script applies the theme.
 * Without `theme` (a prerendered page) the pressed button is set by a fixed inline script, written
 * here on the server so the CSP can allow it by its hash.
 */
export async function ThemeSwitch({ locale, theme }: { locale: Locale; theme?: Theme }) {
  const t = await getTranslations({ locale, namespace: "theme" });
  return (
    <>
      <ThemeSwitchView words={{ group: t("group"), light: t("light"), dark: t("dark"), system: t("system") }} theme={theme} />
      {theme ? null : <script dangerouslySetInnerHTML={{ __html: THEME_SWITCH_SCRIPT }} />}
    </>
  );
}
