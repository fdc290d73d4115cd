import { clsx } from "clsx";

export type LogoProps = {
  /** SECURITY_APP_NAME (getConfig().appName). */
  appName: string;
  /** Hide the name and keep only the mark (the name stays available to screen readers). */
  markOnly?: boolean;
  className?: string;
};

/**
 * The logo slot: the product's mark, drawn in the brand color (--color-primary). Replace this SVG
 * with your own mark (and app/icon.svg, then `node scripts/make-icons.mjs` for the favicon and the
 * apple-icon); the header and every page use it through <Logo>. It renders in the browser too (the
 * header is a client component), so classes are joined with clsx, not merged (components/ui/cn.ts).
 */
export function LogoMark({ className = "size-7" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className={clsx("shrink-0 text-primary-foreground", className)}>
      <rect width="32" height="32" rx="8" className="fill-primary" />
      <path
        d="M9.5 24V14.5a6.5 6.5 0 0 1 13 0V24M13.75 24v-7.5M18.25 24v-7.5M7.5 24h17"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.25"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function Logo({ appName, markOnly = false, className }: LogoProps) {
  return (
    <span className={clsx("inline-flex items-center gap-2.5", className)}>
      <LogoMark />
      <span className={markOnly ? "sr-only" : "text-[15px] font-semibold tracking-tight text-foreground max-[420px]:sr-only"}>{appName}</span>
    </span>
  );
}
