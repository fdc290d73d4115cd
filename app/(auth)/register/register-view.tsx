import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuthShell } from "@/components/auth-shell";
import { staticPageSettings } from "@/lib/view/static-settings";
import { RegisterForm } from "./register-form";

export const registerMetadata: Metadata = { title: "Create an account" };

/** The registration page, prerendered for a bare /register, per request otherwise (decision 067). */
export function RegisterView({ next }: { next?: string }) {
  const config = staticPageSettings();
  if (!config.features.registerable) notFound();
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
