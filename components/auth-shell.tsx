import Link from "next/link";
import type { ReactNode } from "react";
import { LogoMark } from "@/components/logo";

export type AuthShellProps = {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Links under the card, e.g. "Don't have an account? Create one". */
  footer?: ReactNode;
  appName?: string;
};

/**
 * Frame for anonymous pages (sign in, register, reset…). Renders no <main>: the
 * root layout owns the single `<main id="main">` landmark the skip link targets.
 */
export function AuthShell({ title, description, children, footer, appName = "Gatehouse" }: AuthShellProps) {
  return (
    <div className="relative isolate flex min-h-[calc(100dvh-4rem)] flex-col items-center bg-zinc-50 px-4 py-10 sm:justify-center sm:py-16 dark:bg-zinc-950">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 top-0 -z-10 h-80 bg-[radial-gradient(60%_100%_at_50%_0%,var(--color-brand-100),transparent)] opacity-70 dark:bg-[radial-gradient(60%_100%_at_50%_0%,var(--color-brand-950),transparent)]"
      />
      <div className="w-full max-w-md">
        <Link href="/" className="mx-auto mb-6 flex w-fit items-center gap-2.5 rounded-lg text-base font-semibold tracking-tight text-zinc-900 dark:text-white">
          <LogoMark className="size-9" />
          <span>{appName}</span>
        </Link>
        <div className="rounded-2xl border border-zinc-200 bg-white px-5 py-7 shadow-sm shadow-zinc-950/5 sm:px-8 sm:py-9 dark:border-zinc-800 dark:bg-zinc-900 dark:shadow-none">
          <div className="mb-6 space-y-1.5 text-center">
            <h1 className="text-xl font-semibold tracking-tight text-zinc-900 sm:text-2xl dark:text-white">{title}</h1>
            {description ? <div className="text-sm text-pretty text-zinc-600 dark:text-zinc-400">{description}</div> : null}
          </div>
          {children}
        </div>
        {footer ? (
          <div className="mt-6 space-y-2 text-center text-sm text-zinc-600 dark:text-zinc-400 [&_a]:font-medium [&_a]:text-brand-700 [&_a]:hover:underline dark:[&_a]:text-brand-300">
            {footer}
          </div>
        ) : null}
      </div>
    </div>
  );
}
