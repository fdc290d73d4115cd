import type { Metadata } from "next";
import { AuthShell } from "@/components/auth-shell";
import { getConfig } from "@/lib/security/config";
import { setupMethodsFor } from "@/lib/security/sign-in/second-factor-setup";
import { methodOptions } from "@/lib/view/two-factor-enrollment";
import { CancelSignIn } from "../cancel-sign-in";
import { requirePendingLogin } from "../guard";
import { SetupForm } from "./setup-form";

export const metadata: Metadata = { title: "Set up two-step verification" };

export default async function TwoFactorSetupPage() {
  const found = await requirePendingLogin("setup");
  const { user } = found;
  const config = getConfig();
  return (
    <AuthShell
      appName={config.appName}
      title="Set up two-step verification"
      description="Your account requires a second step at sign-in."
      footer={<CancelSignIn />}
    >
      <SetupForm methods={methodOptions(setupMethodsFor(found))} email={user.email} />
    </AuthShell>
  );
}
