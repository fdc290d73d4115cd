"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

type Item = { href: string; label: string; icon: string };

const items: readonly Item[] = [
  { href: "/account", label: "Overview", icon: "M4 5h6v6H4zM14 5h6v6h-6zM4 15h6v4H4zM14 15h6v4h-6z" },
  {
    href: "/account/password",
    label: "Password",
    icon: "M7 11V8a5 5 0 0 1 10 0v3M5.5 11h13a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1h-13a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1ZM12 15v2",
  },
  {
    href: "/account/two-factor",
    label: "Two-factor",
    icon: "M9 12.75 11.25 15 15 9.75M12 2.714A11.959 11.959 0 0 1 3.598 6 11.99 11.99 0 0 0 3 9.749c0 5.592 3.824 10.29 9 11.623 5.176-1.332 9-6.03 9-11.622 0-1.31-.21-2.571-.598-3.751h-.152c-3.196 0-6.1-1.248-8.25-3.285Z",
  },
  {
    href: "/account/passkeys",
    label: "Passkeys",
    icon: "M12.5 7.5a3.5 3.5 0 1 1-7 0 3.5 3.5 0 0 1 7 0ZM2.5 20v-1.5A4.5 4.5 0 0 1 7 14h4M17.5 15a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Zm0 0v6l1.5-1.2M17.5 18.5l1.5-1",
  },
  {
    href: "/account/sign-in-methods",
    label: "Sign-in methods",
    // A phone showing a code: email, text and app codes.
    icon: "M7.5 2.5h9a1 1 0 0 1 1 1v17a1 1 0 0 1-1 1h-9a1 1 0 0 1-1-1v-17a1 1 0 0 1 1-1ZM9.5 11h.01M12 11h.01M14.5 11h.01M10.5 18.5h3",
  },
  {
    href: "/account/recovery-codes",
    label: "Recovery codes",
    icon: "M15.75 5.25a3 3 0 0 1 3 3m3 0a6 6 0 0 1-7.029 5.912c-.563-.097-1.159.026-1.563.43L10.5 17.25H8.25v2.25H6v2.25H2.25v-2.818c0-.597.237-1.17.659-1.591l6.499-6.499c.404-.404.527-1 .43-1.563A6 6 0 1 1 21.75 8.25Z",
  },
  {
    href: "/account/sessions",
    label: "Sessions",
    icon: "M3.5 5.5h17v10h-17zM8 19.5h8M12 15.5v4",
  },
  { href: "/account/activity", label: "Activity", icon: "M3 12h4l3-7 4 14 3-7h4" },
];

/** Shown only when a sign-in provider is configured. */
const CONNECTIONS: Item = {
  href: "/account/connections",
  label: "Connected accounts",
  // Two links of a chain.
  icon: "M13.19 8.688a4.5 4.5 0 0 1 1.242 7.244l-4.5 4.5a4.5 4.5 0 0 1-6.364-6.364l1.757-1.757m13.35-.622 1.757-1.757a4.5 4.5 0 0 0-6.364-6.364l-4.5 4.5a4.5 4.5 0 0 0 1.242 7.244",
};

function isActive(pathname: string, href: string): boolean {
  // The profile's own pages (email, username, deleting the account) open from the overview.
  if (href === "/account") return pathname === "/account" || /^\/account\/(email|username|delete)(\/|$)/.test(pathname);
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function AccountNav({ className, connections = false }: { className?: string; connections?: boolean }) {
  const pathname = usePathname() ?? "";
  const list = useRef<HTMLUListElement>(null);
  // On phones the nav is a horizontal strip wider than the screen: keep the current page's tab visible.
  useEffect(() => {
    list.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [pathname]);
  return (
    // min-w-0: as a grid item the nav would otherwise grow to its unscrolled width and widen the page on phones.
    <nav aria-label="Account" className={className ? `min-w-0 ${className}` : "min-w-0"}>
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
                className={
                  "group flex items-center gap-2.5 border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap transition-colors focus-visible:-outline-offset-2 lg:rounded-lg lg:border-b-0 lg:py-2 " +
                  (active ? "border-accent text-foreground lg:bg-subtle" : "border-transparent text-muted hover:text-foreground lg:hover:bg-subtle/60")
                }
              >
                <svg
                  viewBox="0 0 24 24"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.75"
                  strokeLinecap="round"
                  strokeLinejoin="round"
                  aria-hidden="true"
                  className={"hidden size-[18px] shrink-0 lg:block " + (active ? "text-accent" : "text-muted group-hover:text-foreground")}
                >
                  <path d={item.icon} />
                </svg>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
