import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";

/**
 * unauthorized()'s page (authInterrupts is on for forbidden()). Nothing calls unauthorized() —
 * guards redirect to /login — but Next puts this page into every page's RSC payload, once per
 * layout: this one is a few hundred bytes where Next's default is over a kilobyte (decision 068).
 */
export default function Unauthorized() {
  return (
    <div className="status-page">
      <p className="text-sm font-semibold text-accent">401</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight">Sign in to see this page</h1>
      <Link href="/login" className={buttonVariants({ variant: "secondary", className: "mt-8" })}>
        Sign in
      </Link>
    </div>
  );
}
