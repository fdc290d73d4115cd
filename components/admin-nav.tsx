"use client";
import { clsx } from "clsx";
import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";

export type AdminNavItem = { href: string; label: string };

/** The admin console's sections; the layout passes only those the signed-in admin may open. */
export function AdminNav({ items, label }: { items: readonly AdminNavItem[]; label: string }) {
  const pathname = usePathname() ?? "";
  return (
    <nav aria-label={label} className="min-w-0">
      <ul className="-mx-4 flex gap-1 overflow-x-auto border-b border-border px-4 [scrollbar-width:none] sm:mx-0 sm:px-0">
        {items.map((item) => {
          const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href} className="shrink-0">
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={clsx(
                  "block border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap transition-colors focus-visible:-outline-offset-2 ",
                  active ? "border-accent text-foreground" : "border-transparent text-muted hover:text-foreground",
                )}
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
