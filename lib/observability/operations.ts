import "server-only";
import { sql } from "drizzle-orm";
import { getDb, poolSettings, tables } from "@/lib/db";
import { registerScrapeGauges } from "./metrics";
import { observeSecurityEvents } from "./security-events";

/** Start-up wiring (lib/startup.ts): the security event log and counters, and the gauges read at scrape. */
export function startObservability(): void {
  observeSecurityEvents();
  registerScrapeGauges({ outbox: outboxCounts, pool: poolConnections });
}

async function outboxCounts(): Promise<Record<string, number>> {
  const db = await getDb();
  const t = tables.outbox;
  // Served by outbox_due_idx (status first); "sent" rows are not counted, however many there are.
  const rows = await db
    .select({ status: t.status, n: sql<number>`count(*)::int` })
    .from(t)
    .where(sql`${t.status} in ('pending', 'sending', 'failed')`)
    .groupBy(t.status);
  return Object.fromEntries(["pending", "sending", "failed"].map((s) => [s, rows.find((r) => r.status === s)?.n ?? 0]));
}

async function poolConnections(): Promise<{ max: number; connections: Record<string, number> } | null> {
  const settings = poolSettings();
  if (!settings) return null;
  const db = await getDb();
  const rows = (await db.execute(
    sql`select coalesce(state, 'unknown') as state, count(*)::int as n from pg_stat_activity where application_name = ${settings.applicationName} group by 1`,
  )) as unknown as { state: string; n: number }[];
  return { max: settings.max, connections: Object.fromEntries(rows.map((r) => [r.state, r.n])) };
}
