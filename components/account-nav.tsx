"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { clsx } from "clsx";
import { Activity, LayoutGrid, Link2, LockKeyhole, Monitor, ShieldCheck, type LucideIcon } from "lucide-react";
import { useEffect, useRef } from "react";

type Item = { href: string; key: NavKey; icon: LucideIcon };

/** The nav's words, in the page's language (the server layout passes them: no catalogue on the client). */
export type NavKey = "overview" | "password" | "security" | "sessions" | "activity" | "connections";
export type NavWords = Readonly<Record<NavKey | "label", string>>;

const items: readonly Item[] = [
  { href: "/account", key: "overview", icon: LayoutGrid },
  { href: "/account/password", key: "password", icon: LockKeyhole },
  // Two-step verification, passkeys, sign-in codes and recovery codes open from it (decision 064).
  { href: "/account/security", key: "security", icon: ShieldCheck },
  { href: "/account/sessions", key: "sessions", icon: Monitor },
  { href: "/account/activity", key: "activity", icon: Activity },
];

/** Shown only when a sign-in provider is configured. */
const CONNECTIONS: Item = { href: "/account/connections", key: "connections", icon: Link2 };

function isActive(pathname: string, href: string): boolean {
  // The profile's own pages (email, username, deleting the account) open from the overview.
  if (href === "/account") return pathname === "/account" || /^\/account\/(email|username|delete)(\/|$)/.test(pathname);
  return pathname === href || pathname.startsWith(`${href}/`);
}

const ENGLISH: NavWords = {
  label: "Account",
  overview: "Overview",
  password: "Password",
  security: "Sign-in & security",
  sessions: "Sessions",
  activity: "Activity",
  connections: "Connected accounts",
};

export function AccountNav({ className, connections = false, words = ENGLISH }: { className?: string; connections?: boolean; words?: NavWords }) {
  const pathname = usePathname() ?? "";
  const list = useRef<HTMLUListElement>(null);
  // On phones the nav is a horizontal strip wider than the screen: keep the current page's tab visible.
  useEffect(() => {
    list.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [pathname]);
  return (
    // min-w-0: as a grid item the nav would otherwise grow to its unscrolled width and widen the page on phones.
    <nav aria-label={words.label} className={clsx("min-w-0", className)}>
      <ul
        ref={list}
        className="-mx-4 flex scroll-px-4 gap-1 overflow-x-auto border-b border-border px-4 [scrollbar-width:none] lg:mx-0 lg:flex-col lg:gap-0.5 lg:overflow-visible lg:border-0 lg:px-0"
      >
        {(connections ? [...items.slice(0, -2), CONNECTIONS, ...items.slice(-2)] : items).map((item) => {
          const active = isActive(pathname, item.href);
          return (
            <li key={item.href} className="shrink-0">
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={clsx(
                  "group account-nav-link",
                  active ? "border-accent text-foreground lg:bg-subtle" : "border-transparent text-muted hover:text-foreground lg:hover:bg-subtle/60",
                )}
              >
                <item.icon
                  aria-hidden="true"
                  strokeWidth={1.75}
                  className={clsx("hidden size-[18px] shrink-0 lg:block", active ? "text-accent" : "text-muted group-hover:text-foreground")}
                />
                {words[item.key]}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
