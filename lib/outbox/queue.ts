import "server-only";
import { after } from "next/server";
import { getDb, type Queryable, tables } from "@/lib/db";
import type { EmailName, EmailProps } from "@/emails";
import { encryptSecret } from "@/lib/security/core/encryption";
import { pruneNowAndThen } from "@/lib/security/core/prune";
import { deliverOutbox } from "./deliver";

/**
 * Puts an email in the outbox: one INSERT, in the caller's transaction when given, so the message
 * exists exactly when the change that causes it does (DESIGN.md principle 11). Nothing is rendered
 * or sent here — that happens after the response — so a slow or failing provider never fails the
 * flow, and a known address answers as fast as an unknown one.
 */
export async function queueEmail<K extends EmailName>(template: K, to: string, props: EmailProps<K>, db?: Queryable): Promise<void> {
  await queue({ kind: "email", to, template, payload: JSON.stringify(props) }, db);
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
