import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import Link from "next/link";
import { NoticeBanner } from "@/components/notice-banner";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { noticeFrom, type SearchParams } from "@/lib/view/notices";
import { getConfig, type CodeMethod } from "@/lib/security/config";
import { requireUser } from "@/lib/security/sessions/guards";
import { loadAccountOverview } from "@/lib/security/lifecycle/account-overview";
import { CODE_METHOD_NAMES, SIGN_IN_WITH } from "@/lib/view/labels";
import { formatDateTime } from "@/lib/view/format";
import { DescriptionItem } from "@/components/ui/description-item";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, authorization } = await requireUser();
  const config = getConfig();
  // The session lookup (requireUser) and this: the page's two round trips (decision 068).
  const [params, { twoFactorMethod, recoveryCodes: codes, passkeys, signInMethods }] = await Promise.all([searchParams, loadAccountOverview(user.id)]);
  const offeredCodeMethods = config.unified.methods.filter((m): m is CodeMethod => m !== "password");
  return (
    <>
      <NoticeBanner notice={noticeFrom(params.notice, undefined, await getLocale())} />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Account</h1>
        <p className="mt-1 text-sm text-muted">Your profile and how you sign in.</p>
      </div>
      <Card>
        <CardHeader title="Profile" />
        <CardBody>
          <dl className="grid gap-4 text-sm sm:grid-cols-2">
            <DescriptionItem label="Email">
              <span className="break-all">{user.email}</span>{" "}
              {user.confirmedAt ? <Badge tone="success">Confirmed</Badge> : <Badge tone="warning">Unconfirmed</Badge>}
              {config.features.changeEmail ? <EditLink href="/account/email" label="Change email address" /> : null}
            </DescriptionItem>
            {user.username || config.features.changeUsername ? (
              <DescriptionItem label="Username">
                {user.username ?? <span className="font-normal text-muted">None</span>}
                {config.features.changeUsername ? <EditLink href="/account/username" label={user.username ? "Change username" : "Choose a username"} /> : null}
              </DescriptionItem>
            ) : null}
            <DescriptionItem label="Member since">{formatDateTime(user.createdAt)}</DescriptionItem>
            <DescriptionItem label="Last sign-in">
              {user.lastLoginAt ? `${formatDateTime(user.lastLoginAt)}${user.lastLoginIp ? ` from ${user.lastLoginIp}` : ""}` : "This is your first session"}
            </DescriptionItem>
            {authorization.roles.length ? (
              <DescriptionItem label="Roles">
                <span className="flex flex-wrap gap-1">
                  {authorization.roles.map((role) => (
                    <Badge key={role} tone="accent">
                      {role}
                    </Badge>
                  ))}
                </span>
              </DescriptionItem>
            ) : null}
          </dl>
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title="Security"
          description={
            <>
              Keep your account safe.{" "}
              <Link href="/account/security" className="link">
                Sign-in &amp; security
              </Link>{" "}
              shows it all in one place.
            </>
          }
        />
        <CardBody>
          <ul className="divide-y divide-border text-sm">
            <Row title="Password" detail={user.passwordHash ? "Set" : "Not set"} href="/account/password" action={user.passwordHash ? "Change" : "Set"} />
            {config.twoFactor.enabled ? (
              <Row
                title="Two-step verification"
                detail={twoFactorMethod ? `On — ${CODE_METHOD_NAMES[twoFactorMethod]}` : "Off"}
                href="/account/security/two-step"
                action={twoFactorMethod ? "Manage" : "Set up"}
              />
            ) : null}
            {config.webauthn.enabled ? (
              <Row
                title="Passkeys"
                detail={passkeys ? `${passkeys} registered` : "None yet — sign in with your fingerprint, face or a security key"}
                href="/account/security/passkeys"
                action={passkeys ? "Manage" : "Add"}
              />
            ) : null}
            {config.unified.enabled && offeredCodeMethods.length ? (
              <Row
                title="Sign-in codes"
                detail={signInMethods.length ? `${signInMethods.length} active` : `None yet — ${offeredCodeMethods.map((m) => SIGN_IN_WITH[m]).join(", ")}`}
                href="/account/security/sign-in-codes"
                action={signInMethods.length ? "Manage" : "Set up"}
              />
            ) : null}
            {config.recoveryCodes.enabled ? (
              <Row
                title="Recovery codes"
                detail={codes.total > 0 ? `${codes.remaining} left` : "Not generated"}
                href="/account/security/recovery-codes"
                action={codes.total > 0 ? "Manage" : "Generate"}
              />
            ) : null}
            <Row title="Sessions" detail="Devices signed in to your account" href="/account/sessions" action="Review" />
            <Row title="Activity" detail="Sign-ins and security changes" href="/account/activity" action="View" />
          </ul>
        </CardBody>
      </Card>
      {config.features.deleteAccount ? (
        <Card>
          <CardHeader title="Delete account" description="Delete your account and everything that belongs to it. This cannot be undone." />
          <CardBody>
            <Link href="/account/delete" className={buttonVariants({ variant: "secondary", size: "sm" })}>
              Delete account…
            </Link>
          </CardBody>
        </Card>
      ) : null}
    </>
  );
}

function EditLink({ href, label }: { href: string; label: string }) {
  return (
    <Link href={href} className="link ml-2 text-sm font-normal" aria-label={label}>
      {label.startsWith("Choose") ? "Choose" : "Change"}
    </Link>
  );
}

function Row({ title, detail, href, action }: { title: string; detail: string; href: string; action: string }) {
  return (
    <li className="flex items-center justify-between gap-4 py-3">
      <div>
        <p className="font-medium">{title}</p>
        <p className="text-muted">{detail}</p>
      </div>
      <Link href={href} className="link shrink-0" aria-label={`${action} ${title.toLowerCase()}`}>
        {action}
      </Link>
    </li>
  );
}
