import type { AuthenticatorWords } from "../../lib/view/sign-in-word-types";
import type { AuthenticatorEnrollment } from "../../lib/view/two-factor-types";

export type { AuthenticatorWords };

/** The QR code, the key to type instead, and a link for phones — as an authenticator app needs them. */
export function AuthenticatorDetails({ enrollment, words }: { enrollment: AuthenticatorEnrollment; words: AuthenticatorWords }) {
  return (
    <div className="flex flex-col items-center gap-4 rounded-xl border border-border bg-subtle p-4 sm:flex-row sm:items-start">
      {/* White in both themes: scanners need dark modules on a light, quiet background. */}
      <div className="shrink-0 rounded-lg bg-paper p-3 shadow-xs ring-1 ring-border">
        {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server; nothing to optimise */}
        <img src={enrollment.qr} alt={words.qrAlt} data-testid="totp-qr" width={220} height={220} className="block h-auto max-w-full" />
      </div>
      <div className="w-full min-w-0 space-y-3 text-sm">
        <p className="text-muted">{words.cantScan}</p>
        <code
          data-testid="totp-key"
          dir="ltr"
          className="block rounded-lg bg-surface px-3 py-2 font-mono text-base tracking-wider break-words text-foreground select-all ring-1 ring-border"
        >
          {enrollment.key}
        </code>
        <p>
          <span className="text-muted">{words.onPhone} </span>
          <a href={enrollment.uri} className="link">
            {words.openInApp}
          </a>
        </p>
      </div>
    </div>
  );
}
