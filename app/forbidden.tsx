import Link from "next/link";
import { SiteChrome } from "@/app/site-chrome";
import { buttonVariants } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <SiteChrome>
      <div className="status-page">
        <p className="text-sm font-semibold text-accent">403</p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight">You don&apos;t have access to this page</h1>
        <p className="mt-3 text-muted">Your account does not have the role this page needs. Ask an administrator if you think it should.</p>
        <Link href="/account" className={buttonVariants({ variant: "secondary", className: "mt-8" })}>
          Back to your account
        </Link>
      </div>
    </SiteChrome>
  );
}
