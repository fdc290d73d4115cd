import type { Metadata } from "next";
import { AuthShell } from "@/components/auth-shell";
import { getConfig } from "@/lib/security/config";
import { methodOptions } from "@/lib/two-factor-enrollment";
import { CancelSignIn } from "../cancel-sign-in";
import { requirePendingLogin } from "../guard";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up two-factor authentication" };

export default async function TwoFactorSetupPage() {
  const { user } = await requirePendingLogin("setup");
  const config = getConfig();
  return (
    <AuthShell
      appName={config.appName}
      title="Set up two-factor authentication"
      description="Your account requires a second step at sign-in."
      footer={<CancelSignIn />}
    >
      <SetupForm methods={methodOptions(config.twoFactor.methods)} email={user.email} />
    </AuthShell>
  );
}
