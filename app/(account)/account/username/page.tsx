import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getConfig } from "@/lib/security/config";
import { requireUser } from "@/lib/security/sessions/guards";
import { ChangeUsernameForm } from "./change-username-form";

export const metadata: Metadata = { title: "Username" };

export default async function UsernamePage() {
  const { user } = await requireUser();
  const config = getConfig();
  if (!config.features.changeUsername) notFound();
  const { minLength, maxLength, required } = config.username;
  const hint = `Letters and digits, ${minLength} to ${maxLength} characters.${required ? "" : " Leave it empty to remove your username."}`;
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Username</h1>
        <p className="mt-1 text-sm text-muted">
          You can sign in with your username or your email address. A new username works at once, and the old one stops working.
        </p>
      </div>
      <Card>
        <CardHeader title={user.username ? "Change username" : "Choose a username"} />
        <CardBody>
          <ChangeUsernameForm username={user.username ?? ""} hint={hint} />
        </CardBody>
      </Card>
    </>
  );
}
