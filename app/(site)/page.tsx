import Link from "next/link";
import { getLocale } from "next-intl/server";
import { NoticeBanner } from "@/components/notice-banner";
import { buttonVariants } from "@/components/ui/button";
import { noticeFrom, type SearchParams } from "@/lib/view/notices";
import { getConfig } from "@/lib/security/config";
import { getSession } from "@/lib/security/sessions/current";

const FEATURES = [
  { title: "Passwords done right", body: "argon2id, breach and common-password checks, lockout after repeated failures." },
  { title: "Verified email", body: "Single-use, expiring confirmation and reset links, stored only as hashes." },
  { title: "Revocable sessions", body: "See every device signed in and sign any of them out instantly." },
  { title: "Roles and permissions", body: "Enforced in proxy.ts and again on every page and action." },
];

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const [config, current, params] = [getConfig(), await getSession(), await searchParams];
  return (
    <div className="page-width py-12 md:py-20">
      <div className="mx-auto max-w-md">
        <NoticeBanner notice={noticeFrom(params.notice, undefined, await getLocale())} />
      </div>
      <section className="mx-auto mt-6 max-w-2xl text-center">
        <h1 className="text-4xl font-semibold tracking-tight text-balance sm:text-5xl">Account security, done on day one.</h1>
        <p className="mt-4 text-lg text-muted text-balance">
          {config.appName} ships sign-up, sign-in, email confirmation, password recovery, sessions and roles — ready to customise and deploy.
        </p>
        <div className="mt-8 flex flex-wrap justify-center gap-3">
          {current ? (
            <Link href="/account" className={buttonVariants({ variant: "primary" })}>
              Go to your account
            </Link>
          ) : (
            <>
              <Link href="/register" className={buttonVariants({ variant: "primary" })}>
                Create an account
              </Link>
              <Link href="/login" className={buttonVariants({ variant: "secondary" })}>
                Sign in
              </Link>
            </>
          )}
        </div>
      </section>
      <section aria-labelledby="features" className="mt-16">
        <h2 id="features" className="sr-only">
          Features
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {FEATURES.map((f) => (
            <li key={f.title} className="rounded-2xl border border-border bg-surface p-5">
              <h3 className="font-semibold">{f.title}</h3>
              <p className="mt-1 text-sm text-muted">{f.body}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
