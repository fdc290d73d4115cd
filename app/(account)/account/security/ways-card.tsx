import type { ReactNode } from "react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { SECURITY_PAGES } from "@/lib/security/core/account-pages";
import type { MethodUses, SecurityOverview } from "@/lib/view/security-overview";
import { plural } from "./protection-card";
import { PasswordRow } from "./sign-in-codes/password-row";

/**
 * Every way to prove it's you, one row each, saying what it does today: signs you in on its own,
 * is asked for as the second step, or both. Setting one up is a link to its set-up page.
 */
export function WaysCard({ overview }: { overview: SecurityOverview }) {
  const { passkeys, methods } = overview;
  return (
    <Card>
      <CardHeader title="Ways to sign in" description="What each one does for your account today." />
      <CardBody>
        <ul className="divide-y divide-border text-sm" data-testid="security-ways">
          <PasswordRow hasPassword={overview.hasPassword} />
          {passkeys.offered ? <PasskeysRow signIn={passkeys.signIn} secondStep={passkeys.secondStep} /> : null}
          {methods.map((m) => (
            <MethodRow key={m.method} uses={m} />
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}

function PasskeysRow({ signIn, secondStep }: { signIn: number; secondStep: number }) {
  const uses = [signIn ? `${plural(signIn, "passkey")} to sign in with` : null, secondStep ? `${plural(secondStep, "security key")} as a second step` : null];
  const some = signIn + secondStep > 0;
  return (
    <Row
      testId="security-way-passkeys"
      name="Passkeys"
      on={some}
      text={some ? uses.filter(Boolean).join(" · ") : "Sign in with your fingerprint, face or screen lock. Passkeys can't be phished."}
    >
      <ActionLink href={SECURITY_PAGES.passkeys} label={some ? "Manage passkeys" : "Add a passkey"} />
    </Row>
  );
}

function MethodRow({ uses }: { uses: MethodUses }) {
  const { method, label, signIn, secondStep } = uses;
  const said = [secondStep ? "Asked for as your second step" : null, signIn ? "Signs you in without a password" : null].filter(Boolean);
  const on = said.length > 0;
  // Where the settings allow both uses, the row offers the one not yet on: one app, one phone, both jobs.
  return (
    <Row testId={`security-way-${method}`} name={label} on={on} text={on ? [...said, uses.detail].filter(Boolean).join(" · ") : uses.description}>
      {secondStep === false ? (
        <ActionLink href={`${SECURITY_PAGES.twoStep}?method=${method}`} label={signIn ? "Also use as second step" : "Use as second step"} />
      ) : null}
      {secondStep ? <ActionLink href={SECURITY_PAGES.twoStep} label="Change second step" /> : null}
      {signIn === false ? <ActionLink href={SECURITY_PAGES.signInCodes} label={secondStep ? "Also sign in with it" : "Sign in with it"} name={label} /> : null}
      {signIn ? <ActionLink href={SECURITY_PAGES.signInCodes} label="Manage sign-in codes" /> : null}
    </Row>
  );
}

function Row({ testId, name, on, text, children }: { testId: string; name: string; on: boolean; text: string; children: ReactNode }) {
  return (
    <li className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 py-4 first:pt-0 last:pb-0" data-testid={testId}>
      <div className="min-w-0 flex-1 basis-64 space-y-1">
        <p className="flex flex-wrap items-center gap-2 font-medium">
          <span>{name}</span>
          {on ? <Badge tone="success">On</Badge> : <Badge tone="neutral">Not set up</Badge>}
        </p>
        <p className="break-words text-muted">{text}</p>
      </div>
      <div className="flex shrink-0 flex-col items-start gap-1 sm:items-end">{children}</div>
    </li>
  );
}

/** `name` joins the visible label for screen readers when the label alone ("Sign in with it") is ambiguous. */
function ActionLink({ href, label, name }: { href: string; label: string; name?: string }) {
  return (
    <Link href={href} className="link py-1 text-sm">
      {label}
      {name ? <span className="sr-only"> ({name.toLowerCase()})</span> : null}
    </Link>
  );
}
