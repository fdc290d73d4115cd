import type { Metadata } from "next";
import { AuthShell } from "@/components/auth-shell";
import { firstParam, type SearchParams } from "@/lib/notices";
import { getConfig } from "@/lib/security/config";
import { requireUser } from "@/lib/security/current-user";
import { safeRedirectPath } from "@/lib/security/redirects";
import { VerifyForm } from "./verify-form";

export const metadata: Metadata = { title: "Confirm it's you" };

export default async function VerifyPage({ searchParams }: { searchParams: SearchParams }) {
  const { user } = await requireUser();
  const next = safeRedirectPath(firstParam((await searchParams).next)) ?? undefined;
  return (
    <AuthShell
      appName={getConfig().appName}
      title="Confirm it's you"
      description="For your security, enter your password again to continue."
    >
      <VerifyForm email={user.email} next={next} />
    </AuthShell>
  );
}
