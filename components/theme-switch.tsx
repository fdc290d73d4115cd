import { Monitor, Moon, Sun, type LucideIcon } from "lucide-react";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/locales";
import type { Theme } from "@/lib/view/theme";
import { THEME_SWITCH_SCRIPT } from "@/lib/view/theme-script";

const OPTIONS: ReadonlyArray<{ value: Theme; icon: LucideIcon }> = [
  { value: "light", icon: Sun },
  { value: "dark", icon: Moon },
  { value: "system", icon: Monitor },
];

/**
 * Light / dark / system, as three toggle buttons of one form. A server component: the form posts to
 * /theme (app/theme/route.ts), which sets the cookie and sends the browser back to the page, so it
 * costs no JavaScript of its own, works before hydration, and every button is reachable with Tab and
 * pressed with Enter or Space. A full page load, not a server action: the root layout is static
 * (decision 067), so only the page's first script applies the theme.
 * Without `theme` (a prerendered page) the pressed button is set by a fixed inline script.
 */
export async function ThemeSwitch({ locale, theme }: { locale: Locale; theme?: Theme }) {
  const t = await getTranslations({ locale, namespace: "theme" });
  return (
    <>
      <form
        method="post"
        action="/theme"
        data-theme-switch=""
        role="group"
        aria-label={t("group")}
        className="flex items-center gap-0.5 rounded-lg p-0.5 ring-1 ring-inset ring-border"
        data-testid="theme-switch"
      >
        {OPTIONS.map(({ value, icon: Icon }) => (
          <button
            key={value}
            type="submit"
            name="theme"
            value={value}
            aria-pressed={(theme ?? "system") === value}
            suppressHydrationWarning
            aria-label={t(value)}
            title={t(value)}
            className="flex size-7 items-center justify-center rounded-md text-muted hover:bg-subtle hover:text-foreground aria-pressed:bg-subtle aria-pressed:text-foreground focus-visible:outline-offset-0"
          >
            <Icon aria-hidden="true" className="size-4" />
          </button>
        ))}
      </form>
      {theme ? null : <script dangerouslySetInnerHTML={{ __html: THEME_SWITCH_SCRIPT }} />}
    </>
  );
}
