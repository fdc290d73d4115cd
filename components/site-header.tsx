import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Logo } from "@/components/logo";
import { ThemeSwitch } from "@/components/theme-switch";
import { Button, buttonVariants } from "@/components/ui/button";
import type { Locale } from "@/lib/i18n/locales";
import type { Theme } from "@/lib/view/theme";

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

const navLink = "rounded-md px-2 py-1.5 text-sm font-medium text-muted hover:bg-subtle hover:text-foreground sm:px-2.5";

/** In the page's language, named by the caller. */
export async function SiteHeader({ locale, appName, user, signOutAction, isAdmin = false, theme }: SiteHeaderProps) {
  const t = await getTranslations({ locale, namespace: "header" });
  return (
    <>
      <a
        href="#main"
        className="sr-only rounded-md bg-surface text-sm font-medium text-foreground shadow-lg ring-1 ring-input focus:not-sr-only focus:px-3 focus:py-2 focus:fixed focus:top-3 focus:start-3 focus:z-50"
      >
        {t("skip")}
      </a>
      <header className="sticky top-0 z-40 border-b border-border bg-background/85 backdrop-blur-md supports-[backdrop-filter]:bg-background/75">
        <div className="page-width flex h-16 items-center justify-between gap-2 sm:gap-4">
          <Link href="/" className="flex items-center rounded-lg">
            <Logo appName={appName} />
          </Link>
          <div className="flex min-w-0 items-center gap-2 sm:gap-3">
            <ThemeSwitch locale={locale} theme={theme} />
            <nav aria-label={t("mainNav")} className="flex min-w-0 items-center gap-1 sm:gap-2">
              {user ? (
                <>
                  <Link href="/account" className={navLink}>
                    {t("account")}
                  </Link>
                  {isAdmin ? (
                    <Link href="/admin/users" className={navLink}>
                      {t("admin")}
                    </Link>
                  ) : null}
                  <span
                    className="ms-2 hidden max-w-56 truncate border-s border-border ps-4 text-sm text-muted md:block"
                    title={user.email}
                    data-testid="header-email"
                  >
                    {user.email}
                  </span>
                  {signOutAction ? (
                    <form action={signOutAction}>
                      <Button variant="ghost" size="sm" type="submit">
                        {t("signOut")}
                      </Button>
                    </form>
                  ) : null}
                </>
              ) : (
                <>
                  <Link href="/login" className={navLink}>
                    {t("signIn")}
                  </Link>
                  <Link href="/register" className={buttonVariants({ variant: "primary", size: "sm" })}>
                    {t("createAccount")}
                  </Link>
                </>
              )}
            </nav>
          </div>
        </div>
      </header>
    </>
  );
}
