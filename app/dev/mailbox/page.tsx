import type { Metadata } from "next";
import { headers } from "next/headers";
import { forbidden, notFound } from "next/navigation";
import { LinkifiedText } from "@/components/linkified-text";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/lib/view/format";
import { listOutbox } from "@/lib/mail/outbox";
import { firstParam, type SearchParams } from "@/lib/view/notices";
import { requireUserUnder } from "@/lib/security/sessions/guards";
import { devMailboxAccess } from "@/lib/security/sessions/dev-mailbox-access";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false } };

/**
 * The message's links open in a new tab: the frame stays sandboxed (no scripts, no same origin),
 * but may open pop-ups that leave the sandbox, and a <base> sends every link to one.
 */
function withLinksInNewTab(html: string): string {
  const base = '<base target="_blank">';
  // Inside <head> when there is one: before a <!DOCTYPE> it would put the message in quirks mode.
  return /<head(\s[^>]*)?>/i.test(html) ? html.replace(/<head(\s[^>]*)?>/i, (head) => head + base) : base + html;
}

/** Development outbox: every email the app "sent", newest first (admins only on a staging deployment). */
export default async function MailboxPage({ searchParams }: { searchParams: SearchParams }) {
  const access = devMailboxAccess(await headers());
  if (access === "not-found") notFound();
  if (access === "forbidden") forbidden();
  // A staging deployment: the admin role, as a rule of its own (the table cannot know the setting).
  if (access === "admin-only") await requireUserUnder({ prefix: "/dev/mailbox", access: "signed-in", admin: true });
  const to = firstParam((await searchParams).to)?.slice(0, 254) || undefined;
  const messages = await listOutbox({ to, limit: 50, kind: "all" });
  return (
    <div className="page-width space-y-6 py-8 md:py-12">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Dev mailbox</h1>
        <p className="mt-1 text-sm text-muted">
          Mail and text messages are not delivered in development; they land here. Set <code>RESEND_API_KEY</code> (and TWILIO_*) to send for real.
        </p>
      </div>
      <form className="flex flex-wrap items-end gap-2" role="search">
        <label className="grid gap-1 text-sm">
          <span className="font-medium">Recipient</span>
          <input name="to" type="email" defaultValue={to} className="input" placeholder="someone@example.com" />
        </label>
        <button type="submit" className="btn-secondary">
          Filter
        </button>
      </form>
      {messages.length === 0 ? <p className="text-sm text-muted">No messages yet.</p> : null}
      <ul className="space-y-4" data-testid="mailbox">
        {messages.map((m) => (
          <li key={m.id} className="max-sm:-mx-4">
            <Card className="max-sm:rounded-none max-sm:border-x-0">
              <CardHeader title={m.subject ?? "(SMS)"} description={`To ${m.to} · ${formatDateTime(m.at)}`} />
              <CardBody className="max-sm:px-3">
                <details>
                  <summary className="cursor-pointer text-sm font-medium">Show message</summary>
                  {m.html ? (
                    <iframe
                      title={`Email: ${m.subject ?? ""}`}
                      sandbox="allow-popups allow-popups-to-escape-sandbox"
                      srcDoc={withLinksInNewTab(m.html)}
                      className="mt-3 h-96 w-full rounded-lg border border-border bg-paper"
                    />
                  ) : null}
                  <pre className="mt-3 overflow-x-auto rounded-lg bg-subtle p-3 text-xs whitespace-pre-wrap break-words" data-testid="mailbox-text">
                    <LinkifiedText text={m.text} />
                  </pre>
                </details>
              </CardBody>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}
