import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { NoticeBanner } from "@/components/notice-banner";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { noticeFrom, type SearchParams } from "@/lib/view/notices";
import { getConfig } from "@/lib/security/config";
import { requireUser } from "@/lib/security/sessions/guards";
import { listPasskeys } from "@/lib/security/passkeys/credentials";
import { BackToSecurity } from "../back-link";
import { AddPasskeyForm } from "./add-passkey-form";
import { PasskeyItem } from "./passkey-item";
import { toPasskeyView } from "./passkey-view";

export const metadata: Metadata = { title: "Passkeys" };

export default async function PasskeysPage({ searchParams }: { searchParams: SearchParams }) {
  const { user } = await requireUser();
  if (!getConfig().webauthn.enabled) notFound();
  const [passkeys, params] = await Promise.all([listPasskeys(user.id), searchParams]);
  return (
    <>
      <NoticeBanner notice={noticeFrom(params.notice, undefined, await getLocale())} />
      <div>
        <BackToSecurity />
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">Passkeys</h1>
        <p className="mt-1 text-sm text-muted">
          Sign in with your fingerprint, face or screen lock instead of a password — or use a security key as your second step.
        </p>
      </div>
      <Card>
        <CardHeader
          title={passkeys.length ? `${passkeys.length} passkey${passkeys.length === 1 ? "" : "s"}` : "No passkeys yet"}
          description={passkeys.length ? undefined : "Passkeys can't be phished or reused on another site."}
        />
        <CardBody>
          {passkeys.length ? (
            <ul className="divide-y divide-border" data-testid="passkey-list">
              {passkeys.map((p) => (
                // Keyed by name too: after a rename the item starts again in its view mode.
                <PasskeyItem key={`${p.id}:${p.name}`} passkey={toPasskeyView(p)} />
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">Add one below to sign in without typing your password.</p>
          )}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Add a passkey" description="Your browser will ask you to create it on this device, a phone or a security key." />
        <CardBody>
          {/* Keyed by the list: after an addition the form starts empty again. */}
          <AddPasskeyForm key={passkeys.map((p) => p.id).join(",")} />
        </CardBody>
      </Card>
    </>
  );
}
