import Link from "next/link";
import { ChevronLeft } from "lucide-react";
import { SECURITY_PAGES } from "@/lib/security/core/account-pages";

/** The set-up pages sit under Sign-in & security: one step back to the overview. */
export function BackToSecurity() {
  return (
    <Link href={SECURITY_PAGES.overview} className="link inline-flex items-center gap-1 text-sm">
      <ChevronLeft aria-hidden="true" className="size-4" />
      Sign-in &amp; security
    </Link>
  );
}
