import Link from "next/link";
import { SiteChrome } from "@/app/site-chrome";
import { buttonVariants } from "@/components/ui/button";

export default function NotFound() {
  return (
    <SiteChrome>
      <div className="status-page">
        <p className="text-sm font-semibold text-accent">404</p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight">Page not found</h1>
        <p className="mt-3 text-muted">The page you are looking for does not exist or has moved.</p>
        <Link href="/" className={buttonVariants({ variant: "secondary", className: "mt-8" })}>
          Go home
        </Link>
      </div>
    </SiteChrome>
  );
}
