import "server-only";
import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { deliverOutbox } from "@/lib/outbox/deliver";

/**
 * The development mailbox: messages the development transport "delivered" (rendered and kept on
 * their outbox row), which /dev/mailbox and the e2e helpers read.
 */
export type OutboxEntry = Pick<typeof tables.outbox.$inferSelect, "id" | "kind" | "to" | "subject" | "html" | "at"> & { text: string };

/** Mailbox messages (emails by default; "sms" or "all"), newest first; `to` filters to one recipient. */
export async function listOutbox({ to, limit, kind: which = "email" }: { to?: string; limit: number; kind?: "email" | "sms" | "all" }): Promise<OutboxEntry[]> {
  // Whatever is still queued is delivered first, so a reader never misses a message that was
  // committed but whose after-response delivery has not run yet.
  await deliverOutbox();
  const db = await getDb();
  const t = tables.outbox;
  const kind = which === "all" ? sql`true` : eq(t.kind, which);
  const delivered = and(kind, eq(t.status, "sent"), isNotNull(t.text));
  return (
    db
      .select({ id: t.id, kind: t.kind, to: t.to, subject: t.subject, html: t.html, text: t.text, at: t.at })
      .from(t)
      .where(to === undefined ? delivered : and(delivered, eq(t.to, to)))
      // id breaks ties: rows written in the same transaction share `at`.
      .orderBy(desc(t.at), desc(t.id))
      .limit(limit)
      .then((rows) => rows.map((row) => ({ ...row, text: row.text ?? "" })))
  );
}
