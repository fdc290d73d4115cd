import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getConfig } from "@/lib/security/config";
import { requireUser } from "@/lib/security/sessions/guards";
import { DeleteAccountForm } from "./delete-account-form";

export const metadata: Metadata = { title: "Delete account" };

export default async function DeleteAccountPage() {
  const { user } = await requireUser();
  const config = getConfig();
  if (!config.features.deleteAccount) notFound();
  const log = config.keepEventsOfDeletedUsers
    ? "recovery codes (its activity log is kept, with nothing that identifies you)"
    : "recovery codes and its activity log";
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Delete account</h1>
        <p className="mt-1 text-sm text-muted">This cannot be undone.</p>
      </div>
      <Card>
        <CardHeader
          title="Delete your account"
          description={`Your account is deleted at once with everything that belongs to it: sessions, passkeys, sign-in methods, two-factor settings, ${log}. Every device is signed out, and we send a goodbye to your email address.`}
        />
        <CardBody>
          <DeleteAccountForm email={user.email} />
        </CardBody>
      </Card>
    </>
  );
}
