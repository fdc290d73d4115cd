import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuthShell } from "@/components/auth-shell";
import { firstParam, type SearchParams } from "@/lib/view/notices";
import { getConfig } from "@/lib/security/config";
import { requireAnonymous } from "@/lib/security/sessions/guards";
import { safeRedirectTarget } from "@/lib/security/core/redirects";
import { RegisterForm } from "./register-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function RegisterPage({ searchParams }: { searchParams: SearchParams }) {
  const config = getConfig();
  if (!config.features.registerable) notFound();
  await requireAnonymous();
  const next = safeRedirectTarget(firstParam((await searchParams).next)) ?? undefined;
  return (
    <AuthShell
      appName={config.appName}
      title="Create your account"
      description="It takes less than a minute."
      footer={
        <p>
          Already have an account?{" "}
          <Link href="/login" className="link">
            Sign in
          </Link>
        </p>
      }
    >
      <RegisterForm
        next={next}
        usernames={config.username.enabled ? { required: config.username.required } : null}
        minLength={config.password.minLength}
        passwordOptional={!config.passwordRequired}
        confirmPassword={config.forms.passwordConfirmRequired}
      />
    </AuthShell>
  );
}
