import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { Document } from "@/app/document";
import { Logo } from "@/components/logo";
import { getConfig } from "@/lib/security/config";
import { localeOfThisRequest } from "@/lib/i18n/request-locale";

/**
 * The root's status pages draw their own document: the root layout has none (app/layout.tsx). They
 * answer a URL no route matches, or a layout that failed before its group's boundary could, so
 * they keep to the logo and the page's words — not the whole header, which is copied into every
 * page's payload with them (app/status/status-content.tsx).
 */
export async function StatusDocument({ children }: { children: ReactNode }) {
  return (
    <Document locale={await localeOfThisRequest()}>
      <header className="page-width flex h-16 items-center">
        <Link href="/" className="flex items-center rounded-lg">
          <Logo appName={getConfig().appName} />
        </Link>
      </header>
      <main id="main" tabIndex={-1} className="outline-none">
        {children}
      </main>
    </Document>
  );
}
