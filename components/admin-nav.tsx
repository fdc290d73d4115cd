"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

export type AdminNavItem = { href: string; label: string };

/** The admin console's sections; the layout passes only those the signed-in admin may open. */
export function AdminNav({ items }: { items: readonly AdminNavItem[] }) {
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label="Admin console" className="min-w-0">
      <ul className="-mx-4 flex gap-1 overflow-x-auto border-b border-zinc-200 px-4 [scrollbar-width:none] sm:mx-0 sm:px-0 dark:border-zinc-800">
        {items.map((item) => {
          const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href} className="shrink-0">
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={
                  "block border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap transition-colors focus-visible:-outline-offset-2 " +
                  (active
                    ? "border-brand-600 text-zinc-900 dark:border-brand-400 dark:text-white"
                    : "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white")
                }
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
