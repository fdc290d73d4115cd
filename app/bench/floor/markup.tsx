import { Link } from "@/components/ui/link";
import { AccountNav } from "@/components/account-nav";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DescriptionItem } from "@/components/ui/description-item";

/**
 * Bench-only (built only with GATEHOUSE_BENCH_ROUTES=1; decision 068): the account overview's
 * markup with constant data, no session and no database — what the framework and the app's shell
 * cost for a page of that size, measured next to the real one.
 */
export function FloorMarkup({ stamp }: { stamp: string }) {
  const rows = ["Password", "Two-factor authentication", "Passkeys", "Sign-in methods", "Recovery codes", "Sessions", "Activity"];
  return (
    <div className="page-width grid gap-6 py-8 md:grid-cols-[200px_1fr] md:gap-10 md:py-12">
      <AccountNav connections={false} />
      <div className="min-w-0 space-y-6">
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
          <CardHeader title="Security" description="Keep your account safe." />
          <CardBody>
            <ul className="divide-y divide-border text-sm">
              {rows.map((title) => (
                <li key={title} className="flex items-center justify-between gap-4 py-3">
                  <div>
                    <p className="font-medium">{title}</p>
                    <p className="text-muted">Set</p>
                  </div>
                  <Link href="/account" className="link shrink-0" aria-label={`Manage ${title.toLowerCase()}`}>
                    Manage
                  </Link>
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
