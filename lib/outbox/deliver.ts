import "server-only";
import { and, asc, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { EMAILS, type EmailName } from "@/emails";
import { localeOrDefault } from "@/lib/i18n/translator";
import { getMailTransport, renderEmail, sendEmail } from "@/lib/mail";
import { getSmsSender } from "@/lib/sms";
import { getConfig } from "@/lib/security/config";
import { decryptSecret } from "@/lib/security/core/encryption";
import { logger } from "@/lib/observability/logger";

type OutboxRow = typeof tables.outbox.$inferSelect;

/** How long a worker may hold a claimed row; longer than any transport's own timeout (10 s). */
const LEASE_SECONDS = 60;
/** Rows claimed per pass: bounded so one slow provider cannot hold an instance's worker forever. */
const BATCH = 25;
/** First retry after 5 s, doubling up to 10 minutes: a provider outage is not hammered. */
const BACKOFF_BASE_SECONDS = 5;
const BACKOFF_MAX_SECONDS = 600;

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Delivers due outbox messages (or just `ids`). Rows are claimed with `FOR UPDATE SKIP LOCKED`
 * and a lease, so several instances (or the `after()` of many requests) never send one message
 * twice, and a row whose worker died mid-send is due again when the lease lapses.
 */
export async function deliverOutbox(options: { ids?: number[]; limit?: number } = {}): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  for (const row of await claim(options.ids, options.limit ?? BATCH)) {
    const outcome = await deliverOne(row);
    report[outcome] += 1;
  }
  return report;
}

async function claim(ids: number[] | undefined, limit: number): Promise<OutboxRow[]> {
  const db = await getDb();
  const t = tables.outbox;
  const due = or(and(eq(t.status, "pending"), lte(t.nextAttemptAt, sql`now()`)), and(eq(t.status, "sending"), lt(t.claimedUntil, sql`now()`)));
  const candidates = db
    .select({ id: t.id })
    .from(t)
    .where(ids ? and(due, inArray(t.id, ids)) : due)
    .orderBy(asc(t.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(t)
    .set({ status: "sending", attempts: sql`${t.attempts} + 1`, claimedUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})` })
    .where(inArray(t.id, candidates))
    .returning();
}

async function deliverOne(row: OutboxRow): Promise<keyof DeliveryReport> {
  const db = await getDb();
  const t = tables.outbox;
  try {
    const payload = decryptSecret(row.payloadEncrypted ?? "");
    const stored = row.kind === "email" ? await deliverEmail(row, payload) : await deliverSms(row, payload);
    await db
      .update(t)
      .set({ status: "sent", sentAt: sql`now()`, claimedUntil: null, lastError: null, payloadEncrypted: null, ...stored })
      .where(eq(t.id, row.id));
    return "sent";
  } catch (error) {
    const reason = describe(error);
    const giveUpAt = row.at.getTime() + getConfig().outbox.giveUpAfter * 1000;
    const delay = Math.min(BACKOFF_BASE_SECONDS * 2 ** Math.max(0, row.attempts - 1), BACKOFF_MAX_SECONDS);
    const failed = Date.now() + delay * 1000 > giveUpAt;
    await db
      .update(t)
      .set({
        status: failed ? "failed" : "pending",
        claimedUntil: null,
        lastError: reason.slice(0, 1000),
        nextAttemptAt: sql`now() + make_interval(secs => ${delay})`,
        // A message that will never be sent need not keep its links and codes.
        ...(failed ? { payloadEncrypted: null } : {}),
      })
      .where(and(eq(t.id, row.id), eq(t.status, "sending")));
    // The recipient is personal data: the log names the message, not the person. A give-up is an
    // error an operator is paged for (and the console's deliveries page lists it); a retry is a warning.
    const message = { outboxId: row.id, kind: row.kind, template: row.template ?? "text", attempts: row.attempts, reason };
    if (failed) logger().error({ ...message, outcome: "gave_up" }, "outbox message could not be delivered; giving up");
    else logger().warn({ ...message, outcome: "retrying", retryInSeconds: delay }, "outbox delivery attempt failed; retrying");
    return failed ? "failed" : "retrying";
  }
}

/** Sends through the provider, or — with the development transport — keeps the rendered message for /dev/mailbox. */
async function deliverEmail(row: OutboxRow, payload: string): Promise<Partial<OutboxRow>> {
  if (!row.template || !Object.hasOwn(EMAILS, row.template)) throw new Error(`unknown email template "${row.template}"`);
  const template = row.template as EmailName;
  const props = JSON.parse(payload) as Parameters<typeof renderEmail<typeof template>>[1];
  const transport = getMailTransport();
  if (!transport) {
    const rendered = await renderEmail(template, props, localeOrDefault(row.locale));
    return { transport: "outbox", ...rendered };
  }
  await sendEmail(template, row.to, props, transport, localeOrDefault(row.locale));
  return { transport: transport.name };
}

async function deliverSms(row: OutboxRow, text: string): Promise<Partial<OutboxRow>> {
  const sender = getSmsSender();
  if (!sender) return { transport: "outbox", text };
  await sender.send(row.to, text);
  return { transport: sender.name };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
