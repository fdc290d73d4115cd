import "server-only";
import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { after } from "next/server";
import { getDb, type Queryable, tables } from "@/lib/db";
import { CHANGE_NOTICES, type EmailName, type EmailProps } from "@/emails";
import type { EmailChangeContext } from "@/emails/layout";
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
  const payload = CHANGE_NOTICES.has(template) ? { ...props, context: await changeContext(to, db) } : props;
  await queue({ kind: "email", to, template, payload: JSON.stringify(payload) }, db);
}

/**
 * When and from where a notice's change was made, and the way back (emails/layout.tsx), read here
 * once for every notice rather than by each flow: the time is now, the device the request's user
 * agent. Outside a request (a script, a test) the device is unknown and the notice says nothing of it.
 */
async function changeContext(to: string, db?: Queryable): Promise<EmailChangeContext> {
  const config = getConfig();
  // The "When:" in the zone the recipient's browser last reported (decision 066). By the stored
  // address's lower-cased form, the unique index's key for every address the built-in normaliser
  // keeps as typed; an address that has moved on (the old one, after a change) is told in UTC.
  const [account] = await (db ?? (await getDb()))
    .select({ timeZone: tables.users.timeZone })
    .from(tables.users)
    .where(eq(tables.users.emailNormalized, to.trim().toLowerCase()))
    .limit(1);
  let userAgent: string | null = null;
  try {
    userAgent = (await headers()).get("user-agent");
  } catch {
    // Not in a request scope.
  }
  return {
    at: new Date().toISOString(),
    timeZone: account?.timeZone ?? null,
    device: userAgent ? describeUserAgent(userAgent) : null,
    sessionsLink: `${config.appUrl}/account/sessions`,
    resetLink: config.features.recoverable ? `${config.appUrl}/forgot-password` : null,
  };
}

/** Puts a text message in the outbox (see queueEmail). Budgets are the caller's (lib/security/codes/delivery.ts). */
export async function queueSms(to: string, text: string, db?: Queryable): Promise<void> {
  await queue({ kind: "sms", to, template: null, payload: text }, db);
}

async function queue(message: { kind: "email" | "sms"; to: string; template: string | null; payload: string }, db?: Queryable): Promise<void> {
  const [row] = await (db ?? (await getDb()))
    .insert(tables.outbox)
    .values({ kind: message.kind, to: message.to, template: message.template, payloadEncrypted: encryptSecret(message.payload) })
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
