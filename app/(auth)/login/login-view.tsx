import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth-shell";
import { NoticeBanner } from "@/components/notice-banner";
import type { Notice } from "@/lib/view/notices";
import { staticPageSettings, type StaticPageSettings } from "@/lib/view/static-settings";
import { LoginForm } from "./login-form";
import { OtherWays } from "./other-ways";

export const loginMetadata: Metadata = { title: "Sign in" };

/** What the identity field accepts: email, plus username and phone when those identify accounts. */
function identityLabel(config: StaticPageSettings): string {
  const phone = config.unified.enabled && config.unified.methods.includes("sms");
  if (config.username.enabled) return phone ? "Email, username or phone" : "Email or username";
  return phone ? "Email or phone" : "Email";
}

/**
 * The sign-in page, for both of its renderings (decision 067): prerendered for a bare /login
 * (app/(anonymous)/prerendered/login), per request when the URL names a `next` or a notice, or the
 * visitor has a session cookie (page.tsx).
 */
export function LoginView({ next, notice = null }: { next?: string; notice?: Notice | null }) {
  const config = staticPageSettings();
  return (
    <AuthShell
      appName={config.appName}
      title="Sign in"
      description={`Welcome back to ${config.appName}.`}
      footer={
        config.features.registerable ? (
          <p>
            New here?{" "}
            <Link href="/register" className="link">
              Create an account
            </Link>
          </p>
        ) : null
      }
    >
      <NoticeBanner notice={notice} />
      <LoginForm
        next={next}
        identityLabel={identityLabel(config)}
        canResendConfirmation={config.features.confirmable}
        passkeys={config.webauthn.enabled && config.webauthn.allowAsFirstFactor}
        unified={config.unified.enabled ? { codeMethods: config.unified.methods.filter((m) => m === "email" || m === "sms") } : null}
        defaultRemember={config.forms.defaultRememberMe}
        otherWays={
          <OtherWays
            next={next}
            providers={config.oauth.providers}
            magicLink={config.magicLink.enabled}
            canReset={config.features.recoverable}
            canRecoverUsername={config.features.usernameRecovery}
            canResendConfirmation={config.features.confirmable}
          />
        }
      />
    </AuthShell>
  );
}
