import { Link } from "@/components/ui/link";
import { AccountNav } from "@/components/account-nav";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DescriptionItem } from "@/components/ui/description-item";
import { NoticeBanner } from "@/components/notice-banner";
import { TimeZoneReporter } from "@/components/time-zone-reporter";
import { buttonVariants } from "@/components/ui/button";
import { LanguageSettingView } from "@/components/language-setting";

/**
 * Bench-only (built only with GATEHOUSE_BENCH_ROUTES=1; decision 068): the account overview's
 * markup with constant data, no session and no database — what the framework and the app's shell
 * cost for a page of that size, measured next to the real one. `account` draws the rest of what
 * /account draws (the notice slot, the time-zone reporter, the language and delete cards), so the
 * dynamic floor's document is as large as /account's (decision 075); the static floor leaves them
 * out, to stay the size of the prerendered /login it is measured against.
 */
export function FloorMarkup({ stamp, account = false }: { stamp: string; account?: boolean }) {
  const rows: [title: string, detail: string][] = [
    ["Password", "Set"],
    ["Two-step verification", "Off"],
    ["Passkeys", "None yet — sign in with your fingerprint, face or a security key"],
    ["Sign-in codes", "None yet — email codes, an authenticator app, text message codes"],
    ["Recovery codes", "Not generated"],
    ["Sessions", "Devices signed in to your account"],
    ["Activity", "Sign-ins and security changes"],
  ];
  return (
    <div className="page-width grid gap-6 py-8 md:grid-cols-[200px_1fr] md:gap-10 md:py-12">
      <AccountNav connections={false} />
      {account ? <TimeZoneReporter stored="UTC" /> : null}
      <div className="min-w-0 space-y-6">
        {account ? <NoticeBanner notice={null} /> : null}
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Account</h1>
          <p className="mt-1 text-sm text-muted">Your profile and how you sign in.</p>
        </div>
        <Card>
          <CardHeader title="Profile" />
          <CardBody>
            <dl className="grid gap-4 text-sm sm:grid-cols-2">
              <DescriptionItem label="Email">
                <span className="break-all">floor@example.com</span> <Badge tone="success">Confirmed</Badge>
              </DescriptionItem>
              <DescriptionItem label="Member since">{stamp}</DescriptionItem>
              <DescriptionItem label="Last sign-in">{stamp}</DescriptionItem>
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
              {rows.map(([title, detail]) => (
                <li key={title} className="flex items-center justify-between gap-4 py-3">
                  <div>
                    <p className="font-medium">{title}</p>
                    <p className="text-muted">{detail}</p>
                  </div>
                  <Link href="/account" className="link shrink-0" aria-label={`Manage ${title.toLowerCase()}`}>
                    Manage
                  </Link>
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
        {account ? <FloorSettingsCards /> : null}
      </div>
    </div>
  );
}

const LANGUAGE_WORDS = {
  title: "Language",
  description: "The pages, and the emails and text messages we send you, are in this language.",
  label: "Language",
  save: "Save language",
};

/** The language setting and the delete card of /account, with constant words and a form that goes nowhere. */
function FloorSettingsCards() {
  return (
    <>
      <LanguageSettingView words={LANGUAGE_WORDS} current="en" action="/bench/floor/dynamic" />
      <Card>
        <CardHeader title="Delete account" description="Delete your account and everything that belongs to it. This cannot be undone." />
        <CardBody>
          <Link href="/account" className={buttonVariants({ variant: "secondary", size: "sm" })}>
            Delete account…
          </Link>
        </CardBody>
      </Card>
    </>
  );
}
