import type { Metadata } from "next";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getConfig } from "@/lib/security/config";
import { requireUser } from "@/lib/security/sessions/guards";
import { ChangePasswordForm } from "./change-password-form";
import { SetPasswordForm } from "./set-password-form";

export const metadata: Metadata = { title: "Password" };

export default async function PasswordPage() {
  const { user } = await requireUser();
  const config = getConfig();
  const hasPassword = Boolean(user.passwordHash);
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Password</h1>
        <p className="mt-1 text-sm text-muted">
          {hasPassword
            ? "Changing your password signs out every other device."
            : "Your account has no password: you sign in with a code, a link or a passkey. Setting one signs out every other device."}
        </p>
      </div>
      <Card>
        <CardHeader title={hasPassword ? "Change password" : "Set a password"} />
        <CardBody>
          {hasPassword ? <ChangePasswordForm minLength={config.password.minLength} /> : <SetPasswordForm minLength={config.password.minLength} />}
        </CardBody>
      </Card>
    </>
  );
}
