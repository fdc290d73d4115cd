import type { Metadata } from "next";
import { AuthShell } from "@/components/auth-shell";
import { getConfig, type TwoFactorMethod } from "@/lib/security/config";
import { METHOD_LABELS } from "@/lib/security/two-factor";
import { CancelSignIn } from "../cancel-sign-in";
import { requirePendingLogin } from "../guard";
import { SetupForm } from "./setup-form";
import type { MethodOption } from "./setup-types";

export const metadata: Metadata = { title: "Set up two-factor authentication" };

const DESCRIPTIONS: Record<TwoFactorMethod, string> = {
  authenticator: "Codes from an app such as 1Password, Google Authenticator or Authy.",
  email: "We email you a code each time you sign in.",
  sms: "We text a code to your phone each time you sign in.",
};

export default async function TwoFactorSetupPage() {
  const { user } = await requirePendingLogin("setup");
  const config = getConfig();
  const methods: MethodOption[] = config.twoFactor.methods.map((method) => ({
    value: method,
    label: METHOD_LABELS[method].charAt(0).toUpperCase() + METHOD_LABELS[method].slice(1),
    description: DESCRIPTIONS[method],
  }));
  return (
    <AuthShell
      appName={config.appName}
      title="Set up two-factor authentication"
      description="Your account requires a second step at sign-in."
      footer={<CancelSignIn />}
    >
      <SetupForm methods={methods} email={user.email} />
    </AuthShell>
  );
}
