import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import type { MailMessage, MailTransport } from "./transport";

// Development/test transport: mail lands in a table that /dev/mailbox and e2e helpers read,
// so every flow works with no mail provider configured.
export const outboxTransport: MailTransport = {
  name: "outbox",
  async send({ to, subject, html, text }: MailMessage): Promise<void> {
    const db = await getDb();
    await db.insert(tables.outbox).values({ kind: "email", to, subject, html, text });
  },
};

export type OutboxEntry = typeof tables.outbox.$inferSelect;

/** Outbox messages (emails by default; "sms" or "all"), newest first; `to` filters to one recipient. */
export async function listOutbox({ to, limit, kind: which = "email" }: { to?: string; limit: number; kind?: "email" | "sms" | "all" }): Promise<OutboxEntry[]> {
  const db = await getDb();
  const kind = which === "all" ? sql`true` : eq(tables.outbox.kind, which);
  return db
    .select()
    .from(tables.outbox)
    .where(to === undefined ? kind : and(kind, eq(tables.outbox.to, to)))
    // id breaks ties: rows written in the same transaction share `at`.
    .orderBy(desc(tables.outbox.at), desc(tables.outbox.id))
    .limit(limit);
}

export async function clearOutbox(): Promise<void> {
  const db = await getDb();
  await db.delete(tables.outbox).where(eq(tables.outbox.kind, "email"));
}
