"use client";

import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { Logo } from "@/components/logo";
import { Button, buttonVariants } from "@/components/ui/button";

export type SiteHeaderWords = Record<"skip" | "mainNav" | "account" | "admin" | "signOut" | "signIn" | "createAccount", string>;

export type SiteHeaderViewProps = {
  appName: string;
  user: { email: string } | null;
  isAdmin: boolean;
  signOutAction?: () => Promise<void>;
  words: SiteHeaderWords;
  /** The theme switch, rendered by the server (it carries an inline script the CSP allows by hash). */
  themeSwitch: ReactNode;
};

const navLink = "rounded-md px-2 py-1.5 text-sm font-medium text-muted hover:bg-subtle hover:text-foreground sm:px-2.5";

/**
 * The header's markup (components/site-header.tsx gives it its words and who is signed in). A client
 * component with no state or handler, so that this markup is not written a second time into every
 * page's RSC payload: the payload carries its props, the browser already has its code.
 */
export function SiteHeaderView({ appName, user, isAdmin, signOutAction, words, themeSwitch }: SiteHeaderViewProps) {
  return (
    <>
      <a
        href="#main"
        className="sr-only rounded-md bg-surface text-sm font-medium text-foreground shadow-lg ring-1 ring-input focus:not-sr-only focus:px-3 focus:py-2 focus:fixed focus:top-3 focus:start-3 focus:z-50"
      >
        {words.skip}
      </a>
      <header className="sticky top-0 z-40 border-b border-border bg-background/85 backdrop-blur-md supports-[backdrop-filter]:bg-background/75">
        <div className="page-width flex h-16 items-center justify-between gap-2 sm:gap-4">
          <Link href="/" className="flex items-center rounded-lg">
            <Logo appName={appName} />
          </Link>
          <div className="flex min-w-0 items-center gap-2 sm:gap-3">
            {themeSwitch}
            <nav aria-label={words.mainNav} className="flex min-w-0 items-center gap-1 sm:gap-2">
              {user ? (
                <>
                  <Link href="/account" className={navLink}>
                    {words.account}
                  </Link>
                  {isAdmin ? (
                    <Link href="/admin/users" className={navLink}>
                      {words.admin}
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
                        {words.signOut}
                      </Button>
                    </form>
                  ) : null}
                </>
              ) : (
                <>
                  <Link href="/login" className={navLink}>
                    {words.signIn}
                  </Link>
                  <Link href="/register" className={buttonVariants({ variant: "primary", size: "sm" })}>
                    {words.createAccount}
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
