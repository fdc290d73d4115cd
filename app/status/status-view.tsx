"use client";

import { Link } from "@/components/ui/link";
import { buttonVariants } from "@/components/ui/button";
import { Logo } from "@/components/logo";
import { Document } from "@/app/document";
import type { Locale } from "@/lib/i18n/locales";

export type StatusWords = { code: string; title: string; body?: string; action: { href: string; label: string } };

/**
 * A status page's box, drawn in the browser from its words. A client component for its payload:
 * Next renders every segment's not-found, forbidden and unauthorized boundary into the RSC payload
 * of every page under it, whether or not the page fails — eight copies on /account. Rendered on
 * the server each copy was its whole element tree (~530 bytes); as a client component it is one
 * reference with its words (~200 bytes), and the markup is drawn only where a boundary is shown
 * (decision 075).
 */
export function StatusView({ code, title, body, action }: StatusWords) {
  return (
    <div className="status-page">
      <p className="text-sm font-semibold text-accent">{code}</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight">{title}</h1>
      {body === undefined ? null : <p className="mt-3 text-muted">{body}</p>}
      <Link href={action.href} className={buttonVariants({ variant: "secondary", className: "mt-8" })}>
        {action.label}
      </Link>
    </div>
  );
}

/**
 * The root's status pages, with their own document (the root layout has none, app/layout.tsx):
 * the logo and the page's words, not the whole header, which would be copied into every page's
 * payload with them. A client component for the same reason as StatusView.
 */
export function StatusDocumentView({ locale, appName, status }: { locale: Locale; appName: string; status: StatusWords }) {
  return (
    <Document locale={locale}>
      <header className="page-width flex h-16 items-center">
        <Link href="/" className="flex items-center rounded-lg">
          <Logo appName={appName} />
        </Link>
      </header>
      <main id="main" tabIndex={-1} className="outline-none">
        <StatusView {...status} />
      </main>
    </Document>
  );
}
