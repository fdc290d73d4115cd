import type { Metadata } from "next";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getConfig } from "@/lib/security/config";
import { requireUser } from "@/lib/security/current-user";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Password" };

export default async function PasswordPage() {
  await requireUser();
  const config = getConfig();
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Password</h1>
        <p className="mt-1 text-sm text-muted">Changing your password signs out every other device.</p>
      </div>
      <Card>
        <CardHeader title="Change password" />
        <CardBody>
          <ChangePasswordForm minLength={config.password.minLength} />
        </CardBody>
      </Card>
    </>
  );
}
