import type { ReactNode } from "react";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { SECURITY_PAGES } from "@/lib/security/core/account-pages";
import type { MethodUses, SecurityOverview } from "@/lib/view/security-overview";
import { PasswordRow } from "./sign-in-codes/password-row";

type Words = Awaited<ReturnType<typeof getTranslations<"account.security">>>;
type Choices = Awaited<ReturnType<typeof getTranslations<"twoFactor.choices">>>;

/**
 * Every way to prove it's you, one row each, saying what it does today: signs you in on its own,
 * is asked for as the second step, or both. Setting one up is a link to its set-up page.
 */
export async function WaysCard({ overview }: { overview: SecurityOverview }) {
  const { passkeys, methods } = overview;
  const [t, choices] = await Promise.all([getTranslations("account.security"), getTranslations("twoFactor.choices")]);
  return (
    <Card>
      <CardHeader title={t("ways")} description={t("waysIntro")} />
      <CardBody>
        <ul className="divide-y divide-border text-sm" data-testid="security-ways">
          <PasswordRow hasPassword={overview.hasPassword} />
          {passkeys.offered ? <PasskeysRow signIn={passkeys.signIn} secondStep={passkeys.secondStep} t={t} /> : null}
          {methods.map((m) => (
            <MethodRow key={m.method} uses={m} t={t} choices={choices} />
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}

function PasskeysRow({ signIn, secondStep, t }: { signIn: number; secondStep: number; t: Words }) {
  const uses = [signIn ? t("passkeysSignIn", { count: signIn }) : null, secondStep ? t("passkeysSecondStep", { count: secondStep }) : null];
  const some = signIn + secondStep > 0;
  return (
    <Row testId="security-way-passkeys" name={t("passkeys")} on={some} text={some ? uses.filter(Boolean).join(" · ") : t("passkeysNone")} t={t}>
      <ActionLink href={SECURITY_PAGES.passkeys} label={some ? t("managePasskeys") : t("addPasskey")} />
    </Row>
  );
}

function MethodRow({ uses, t, choices }: { uses: MethodUses; t: Words; choices: Choices }) {
  const { method, signIn, secondStep } = uses;
  const label = choices(`${method}.label`);
  const said = [secondStep ? t("askedSecondStep") : null, signIn ? t("signsIn") : null].filter(Boolean);
  const detail = uses.codesGoTo ? t("codesGoTo", { where: uses.codesGoTo }) : null;
  const on = said.length > 0;
  // Where the settings allow both uses, the row offers the one not yet on: one app, one phone, both jobs.
  return (
    <Row
      testId={`security-way-${method}`}
      name={label}
      on={on}
      text={on ? [...said, detail].filter(Boolean).join(" · ") : choices(`${method}.description`)}
      t={t}
    >
      {secondStep === false ? (
        <ActionLink href={`${SECURITY_PAGES.twoStep}?method=${method}`} label={signIn ? t("alsoSecondStep") : t("useSecondStep")} />
      ) : null}
      {secondStep ? <ActionLink href={SECURITY_PAGES.twoStep} label={t("changeSecondStep")} /> : null}
      {signIn === false ? <ActionLink href={SECURITY_PAGES.signInCodes} label={secondStep ? t("alsoSignIn") : t("signInWithIt")} name={label} /> : null}
      {signIn ? <ActionLink href={SECURITY_PAGES.signInCodes} label={t("manageCodes")} /> : null}
    </Row>
  );
}

function Row({ testId, name, on, text, t, children }: { testId: string; name: string; on: boolean; text: string; t: Words; children: ReactNode }) {
  return (
    <li className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 py-4 first:pt-0 last:pb-0" data-testid={testId}>
      <div className="min-w-0 flex-1 basis-64 space-y-1">
        <p className="flex flex-wrap items-center gap-2 font-medium">
          <span>{name}</span>
          {on ? <Badge tone="success">{t("on")}</Badge> : <Badge tone="neutral">{t("notSetUp")}</Badge>}
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
