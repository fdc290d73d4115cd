import "server-only";
import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { after } from "next/server";
import { getDb, type Queryable, tables } from "@/lib/db";
import { CHANGE_NOTICES, type EmailName, type EmailProps } from "@/emails";
import type { EmailChangeContext } from "@/emails/layout";
import type { Locale } from "@/lib/i18n/locales";
import { localeOrDefault } from "@/lib/i18n/translator";
import { getConfig } from "@/lib/security/config";
import { encryptSecret } from "@/lib/security/core/encryption";
import { describeUserAgent } from "@/lib/security/core/user-agent";
import { pruneNowAndThen } from "@/lib/security/core/prune";
import { deliverOutbox } from "./deliver";

/**
 * Puts an email in the outbox: one INSERT, in the caller's transaction when given, so the message
 * exists exactly when the change that causes it does (DESIGN.md principle 11). Nothing is rendered
 * or sent here — that happens after the response — so a slow or failing provider never fails the
 * flow, and a known address answers as fast as an unknown one.
 */
export async function queueEmail<K extends EmailName>(template: K, to: string, props: EmailProps<K>, db?: Queryable): Promise<void> {
  const recipient = await recipientOf(to, db);
  const payload = CHANGE_NOTICES.has(template) ? { ...props, context: await changeContext(recipient.timeZone) } : props;
  await queue({ kind: "email", to, template, payload: JSON.stringify(payload), locale: recipient.locale }, db);
}

/**
 * The account an address belongs to, read once for every email: its language (the mail is written
 * in it whoever's request sends it, else SECURITY_DEFAULT_LOCALE) and the zone the notices' "When:"
 * is told in, the one its browser last reported (decision 066). By the stored address's lower-cased
 * form, the unique index's key for every address the built-in normaliser keeps as typed; an address
 * that has no account (a registration's new address, the old one after a change) gets the defaults.
 */
async function recipientOf(to: string, db?: Queryable): Promise<{ locale: Locale; timeZone: string | null }> {
  const [account] = await (db ?? (await getDb()))
    .select({ timeZone: tables.users.timeZone, locale: tables.users.locale })
    .from(tables.users)
    .where(eq(tables.users.emailNormalized, to.trim().toLowerCase()))
    .limit(1);
  return { locale: localeOrDefault(account?.locale), timeZone: account?.timeZone ?? null };
}

/**
 * When and from where a notice's change was made, and the way back (emails/layout.tsx), filled here
 * once for every notice rather than by each flow: the time is now, the device the request's user
 * agent. Outside a request (a script, a test) the device is unknown and the notice says nothing of it.
 */
async function changeContext(timeZone: string | null): Promise<EmailChangeContext> {
  const config = getConfig();
  let userAgent: string | null = null;
  try {
    userAgent = (await headers()).get("user-agent");
  } catch {
    // Not in a request scope.
  }
  return {
    at: new Date().toISOString(),
    timeZone,
    device: userAgent ? describeUserAgent(userAgent) : null,
    sessionsLink: `${config.appUrl}/account/sessions`,
    resetLink: config.features.recoverable ? `${config.appUrl}/forgot-password` : null,
  };
}

/**
 * Puts a text message in the outbox (see queueEmail), already written by the caller in the
 * recipient's language (`locale`, kept on the row as the email's is). Budgets are the caller's
 * (lib/security/codes/send.ts).
 */
export async function queueSms(to: string, text: string, locale: Locale, db?: Queryable): Promise<void> {
  await queue({ kind: "sms", to, template: null, payload: text, locale }, db);
}

interface QueuedMessage {
  kind: "email" | "sms";
  to: string;
  template: string | null;
  payload: string;
  locale: Locale;
}

async function queue(message: QueuedMessage, db?: Queryable): Promise<void> {
  const [row] = await (db ?? (await getDb()))
    .insert(tables.outbox)
    .values({ kind: message.kind, to: message.to, template: message.template, payloadEncrypted: encryptSecret(message.payload), locale: message.locale })
    .returning({ id: tables.outbox.id });
  if (row) deliverAfterResponse(row.id);
  pruneNowAndThen("outbox");
}

/**
 * Delivers the row once the response has gone (Next's `after()`). The row is committed by then:
 * the caller's transaction ends before its response does; a rolled-back row simply is not found.
 * Outside a request (scripts, tests) there is no "after": the outbox worker, `npm run
 * outbox:deliver` or the cron route delivers it.
 */
export function deliverAfterResponse(id: number): void {
  try {
    after(() => deliverOutbox({ ids: [id] }).then(() => undefined));
  } catch {
    // Not in a request scope.
  }
}
