import "server-only";
import { sql } from "drizzle-orm";
import { getDb, poolSettings, tables } from "@/lib/db";
import { onSecurityEvent, type SecurityEvent } from "@/lib/security/events";
import { logger, REDACTED_KEYS } from "./logger";
import { countSignIn, registerScrapeGauges } from "./metrics";

const OBSERVING = Symbol.for("gatehouse.observing");

/**
 * Start-up wiring (lib/startup.ts): one log line per security event, the sign-in counters, and the
 * gauges read at scrape. Once per process, however many module graphs load this.
 */
export function startObservability(): void {
  const store = globalThis as Record<symbol, boolean | undefined>;
  if (store[OBSERVING]) return;
  store[OBSERVING] = true;
  onSecurityEvent("*", observeSecurityEvent);
  registerScrapeGauges({ outbox: outboxCounts, pool: poolConnections });
}

export function observeSecurityEvent(event: SecurityEvent): void {
  if (event.type === "user_authenticated") countSignIn(event.data.authnVia, "success");
  if (event.type === "user_failed_authn") countSignIn(event.data.authType, "failure");
  logger().info({ msg: "security event", event: event.type, userId: event.userId, ip: event.ip, data: withoutSecrets(event.data) });
}

/** Event data holds no secrets today; a key that could hold one in future is dropped, not logged. */
function withoutSecrets(data: Record<string, unknown>): Record<string, unknown> {
  const risky = new RegExp(REDACTED_KEYS.join("|"), "i");
  return Object.fromEntries(Object.entries(data).filter(([key]) => !risky.test(key)));
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
