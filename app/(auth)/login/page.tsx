import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth-shell";
import { NoticeBanner } from "@/components/notice-banner";
import { firstParam, noticeFrom, type SearchParams } from "@/lib/view/notices";
import { getConfig } from "@/lib/security/config";
import { requireAnonymous } from "@/lib/security/sessions/guards";
import { safeRedirectTarget } from "@/lib/security/core/redirects";
import { LoginForm } from "./login-form";
import { OtherWays } from "./other-ways";

export const metadata: Metadata = { title: "Sign in" };

/** What the identity field accepts: email, plus username and phone when those identify accounts. */
function identityLabel(config: ReturnType<typeof getConfig>): string {
  const phone = config.unified.enabled && config.unified.methods.includes("sms");
  if (config.username.enabled) return phone ? "Email, username or phone" : "Email or username";
  return phone ? "Email or phone" : "Email";
}

export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAnonymous();
  const params = await searchParams;
  const config = getConfig();
  const next = safeRedirectTarget(firstParam(params.next)) ?? undefined;
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
      <NoticeBanner notice={noticeFrom(params.notice, params.provider)} />
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
            providers={config.oauth.providers.map(({ id, name }) => ({ id, name }))}
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
