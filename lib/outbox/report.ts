import "server-only";
import { count, eq, sql } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";

/**
 * What an operator needs to see of the outbox (issue #18): how many messages wait, and the ones
 * that gave up, with why. A message that gave up has had its links and codes deleted (deliver.ts),
 * so it cannot be sent again: the person asks again (a new reset link, a new code) once the
 * provider works. Failed rows are never pruned, so this is the whole record.
 */
export type UndeliverableMessage = Pick<typeof tables.outbox.$inferSelect, "id" | "kind" | "to" | "template" | "attempts" | "lastError" | "at">;

/** Messages that gave up, newest first. */
export async function listUndeliverable(limit = 50): Promise<UndeliverableMessage[]> {
  const t = tables.outbox;
  return (await getDb())
    .select({ id: t.id, kind: t.kind, to: t.to, template: t.template, attempts: t.attempts, lastError: t.lastError, at: t.at })
    .from(t)
    .where(eq(t.status, "failed"))
    .orderBy(sql`${t.at} desc`)
    .limit(limit);
}

/** Messages by status, sent ones left out (they are pruned and are not the operator's concern). */
export async function outboxBacklog(): Promise<{ waiting: number; failed: number }> {
  const t = tables.outbox;
  const rows = await (
    await getDb()
  )
    .select({ status: t.status, n: count() })
    .from(t)
    .where(sql`${t.status} <> 'sent'`)
    .groupBy(t.status);
  const of = (status: string): number => Number(rows.find((r) => r.status === status)?.n ?? 0);
  return { waiting: of("pending") + of("sending"), failed: of("failed") };
}
