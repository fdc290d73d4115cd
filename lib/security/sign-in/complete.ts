import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb, type Queryable } from "@/lib/db";
import { getConfig } from "../config";
import { announceEvent, newEvent, type SecurityEvent, type SecurityEventType } from "../core/events";
import { pruneNowAndThen } from "../core/prune";
import { RATE_LIMITS, rateLimitRow, type RateLimitPolicy } from "../core/rate-limit";
import type { RequestContext } from "../core/request-context";
import type { AuthnMethod } from "../core/authn-methods";
import { newSessionRow, type NewSession } from "../sessions/new-session";
import type { UserRecord } from "../accounts/users";
import { deliverAfterResponse } from "@/lib/outbox/queue";
import { knownDeviceCtes, knownDeviceWrite, type KnownDeviceWrite } from "./known-device";

export interface SignInWrites {
  /** The pending sign-in this completes: deleted by the same statement, and nothing is written unless it was still there. */
  pendingTokenHash?: string;
  /** Budgets a finished sign-in restores, besides the per-account failure budget. */
  resetBudgets?: RateLimitPolicy[];
  /** An independent second factor vouches for a password chosen through an emailed reset link. */
  clearPasswordFromReset?: boolean;
  /** Events to log with `user_authenticated` (the second factor's own). */
  events?: { type: SecurityEventType; data?: Record<string, unknown> }[];
}

/** Starts the session and updates the trackable fields; every first-factor flow ends here. */
export async function completeLogin(user: UserRecord, options: { authnVia: AuthnMethod[]; remember: boolean; ctx: RequestContext }): Promise<NewSession> {
  const session = await finishSignIn(user, options);
  // Only a pending sign-in can be gone already, and there is none here.
  if (!session) throw new Error("sign-in statement wrote nothing");
  return session;
}

/**
 * Everything a sign-in writes — the pending sign-in it ends, the session, the trackable fields,
 * the budgets it restores, its events — as one statement (data-modifying CTEs), so it is all or
 * nothing (a database lost halfway leaves no session without its event, no ended pending sign-in
 * without a session) and still one round trip: a transaction around the same writes would add
 * BEGIN and COMMIT, two more. Null when the pending sign-in was already ended (a race, lost: the
 * other request signed in). In a caller's transaction (`db`) it is part of that transaction.
 */
export async function finishSignIn(
  user: UserRecord,
  options: { authnVia: AuthnMethod[]; remember: boolean; ctx: RequestContext },
  writes: SignInWrites = {},
  db?: Queryable,
): Promise<NewSession | null> {
  const { row, session } = newSessionRow(user, options);
  const events = [
    newEvent("user_authenticated", { userId: user.id, ctx: options.ctx, data: { authnVia: options.authnVia, remember: options.remember } }),
    ...(writes.events ?? []).map((e) => newEvent(e.type, { userId: user.id, ctx: options.ctx, data: e.data })),
  ];
  const budgets = [RATE_LIMITS.loginFailuresPerAccount, ...(writes.resetBudgets ?? [])].map((policy) => rateLimitRow(policy, user.id));
  const device = knownDeviceWrite(user, options.ctx);
  const result = await (db ?? (await getDb())).execute(
    signInStatement({
      row,
      events,
      device,
      budgets,
      pendingTokenHash: writes.pendingTokenHash ?? null,
      track: getConfig().features.trackable,
      clearPasswordFromReset: writes.clearPasswordFromReset ?? false,
    }),
  );
  const [answer] = rowsOf<{ ok: boolean; alert_id: number | string | null }>(result);
  if (!answer?.ok) return null;
  pruneNowAndThen("sessions");
  if (device) pruneNowAndThen("knownDevices");
  if (answer.alert_id !== null) {
    // In a caller's transaction the row is committed before the answer goes, like queueEmail's.
    deliverAfterResponse(Number(answer.alert_id));
    events.push(newEvent("new_device_sign_in", { userId: user.id, ctx: options.ctx, data: { device: device?.device } }));
  }
  // Subscribers (the log line, the counters) hear of events that were written, after the write.
  await Promise.all(events.map(announceEvent));
  return device ? { ...session, knownDevice: device.cookieValue } : session;
}

function signInStatement(input: {
  row: ReturnType<typeof newSessionRow>["row"];
  events: SecurityEvent[];
  device: KnownDeviceWrite | null;
  budgets: { bucket: string; key: string }[];
  pendingTokenHash: string | null;
  track: boolean;
  clearPasswordFromReset: boolean;
}): SQL {
  const { row } = input;
  // Arrays, dates and JSON travel as text and are cast in SQL: PGlite and postgres.js serialise
  // JavaScript arrays and objects differently, and text is read the same by both.
  const events = JSON.stringify(input.events.map((e) => ({ type: e.type, data: e.data })));
  return sql`
    with pending as (
      delete from pending_logins where token_hash = ${input.pendingTokenHash}::text returning 1
    ), go as (
      select (${input.pendingTokenHash}::text is null or exists (select 1 from pending)) as ok
    ), new_session as (
      insert into sessions (token_hash, user_id, uniquifier, expires_at, authenticated_at, authn_via, remember, ip, user_agent)
      select ${row.tokenHash}::text, ${row.userId}::uuid, ${row.uniquifier}::text, ${row.expiresAt.toISOString()}::text::timestamptz,
        ${row.authenticatedAt.toISOString()}::text::timestamptz, array(select jsonb_array_elements_text(${JSON.stringify(row.authnVia)}::text::jsonb)),
        ${row.remember ?? false}::boolean, ${row.ip ?? null}::text, ${row.userAgent ?? null}::text
      from go where go.ok
      returning 1
    ), tracked as (
      update users set
        failed_login_count = 0,
        last_login_at = case when ${input.track}::boolean then current_login_at else last_login_at end,
        last_login_ip = case when ${input.track}::boolean then current_login_ip else last_login_ip end,
        current_login_at = case when ${input.track}::boolean then now() else current_login_at end,
        current_login_ip = case when ${input.track}::boolean then ${row.ip ?? null}::text else current_login_ip end,
        login_count = case when ${input.track}::boolean then login_count + 1 else login_count end,
        password_from_reset = case when ${input.clearPasswordFromReset}::boolean then false else password_from_reset end
      where id = ${row.userId}::uuid and (select ok from go)
      returning 1
    ), budgets as (
      delete from rate_limits r
      using jsonb_to_recordset(${JSON.stringify(input.budgets)}::text::jsonb) as b(bucket text, key text)
      where r.bucket = b.bucket and r.key = b.key and (select ok from go)
      returning 1
    ), logged as (
      insert into security_events (type, user_id, ip, user_agent, data, at)
      select e.type, ${row.userId}::uuid, ${input.events[0]?.ip ?? null}::text, ${input.events[0]?.userAgent ?? null}::text, e.data,
        ${input.events[0]?.at.toISOString() ?? null}::text::timestamptz
      from jsonb_to_recordset(${events}::text::jsonb) as e(type text, data jsonb), go
      where go.ok
      returning 1
    ), ${knownDeviceCtes(row.userId, input.device)}, alert_logged as (
      insert into security_events (type, user_id, ip, user_agent, data, at)
      select 'new_device_sign_in', ${row.userId}::uuid, ${input.events[0]?.ip ?? null}::text, ${input.events[0]?.userAgent ?? null}::text,
        jsonb_build_object('device', ${input.device?.device ?? null}::text), now()
      from alert
      returning 1
    )
    select (select ok from go) as ok, (select id from alert) as alert_id`;
}

/** drizzle's execute() answers with the rows (postgres.js) or an object holding them (PGlite). */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}
