import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getConfig } from "@/lib/security/config";
import { humanizeDuration } from "@/lib/security/config/duration";
import { requireUser } from "@/lib/security/sessions/guards";
import { ChangeEmailForm } from "./change-email-form";

export const metadata: Metadata = { title: "Email address" };

export default async function EmailPage() {
  const { user } = await requireUser();
  const config = getConfig();
  if (!config.features.changeEmail) notFound();
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Email address</h1>
        <p className="mt-1 text-sm text-muted">
          {`We send a link to the new address; your address changes when you open it (within ${humanizeDuration(config.within.changeEmail)}). Until then you keep signing in with the current one, and it gets a link to cancel the change.`}
        </p>
      </div>
      <Card>
        <CardHeader title="Current address" />
        <CardBody>
          <p className="text-sm">
            <span className="break-all font-medium">{user.email}</span>{" "}
            {user.confirmedAt ? <Badge tone="success">Confirmed</Badge> : <Badge tone="warning">Unconfirmed</Badge>}
          </p>
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Change email address" />
        <CardBody>
          <ChangeEmailForm />
        </CardBody>
      </Card>
    </>
  );
}
