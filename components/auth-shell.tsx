import type { ReactNode } from "react";

export type AuthShellProps = {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Links under the card, e.g. "Don't have an account? Create one". */
  footer?: ReactNode;
  /**
   * @deprecated Unused: the site header shows the name and logo, once per page (#16). Pages still
   * pass it so this change touches none of them while their wording is rewritten; remove after.
   */
  appName?: string;
};

/**
 * Frame for anonymous pages (sign in, register, reset…). Renders no <main>: the
 * root layout owns the single `<main id="main">` landmark the skip link targets.
 */
export function AuthShell({ title, description, children, footer }: AuthShellProps) {
  return (
    <div className="relative isolate flex min-h-[calc(100dvh-4rem)] flex-col items-center bg-canvas px-4 py-10 sm:justify-center sm:py-16">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 top-0 -z-10 h-80 bg-[radial-gradient(60%_100%_at_50%_0%,var(--color-glow),transparent)] opacity-70"
      />
      <div className="w-full max-w-md">
        <div className="rounded-2xl border border-border bg-surface px-5 py-7 shadow-sm shadow-foreground/5 sm:px-8 sm:py-9 dark:shadow-none">
          <div className="mb-6 space-y-1.5 text-center">
            <h1 className="text-xl font-semibold tracking-tight text-foreground sm:text-2xl">{title}</h1>
            {description ? <div className="text-sm text-pretty text-muted">{description}</div> : null}
          </div>
          {children}
        </div>
        {footer ? (
          <div className="mt-6 space-y-2 text-center text-sm text-muted [&_a]:font-medium [&_a]:text-accent [&_a]:hover:underline">{footer}</div>
        ) : null}
      </div>
    </div>
  );
}
