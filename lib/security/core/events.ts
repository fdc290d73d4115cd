import "server-only";
import { desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, preparedFor, type Queryable, tables } from "@/lib/db";
import { pruneNowAndThen } from "./prune";
import type { SECURITY_EVENT_TYPES } from "./stored-values";
import type { RequestContext } from "./request-context";

/** Flask-Security's signals, plus Gatehouse's own (lockout, session revocation). */
export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

export interface SecurityEvent {
  type: SecurityEventType;
  /** Whose account it happened to (the subject). */
  userId: string | null;
  /** Who did it when not that user: the administrator acting through a view-as session (decision 058), else null. */
  actorId: string | null;
  ip: string | null;
  userAgent: string | null;
  data: Record<string, unknown>;
  at: Date;
}

type Subscriber = (event: SecurityEvent) => void | Promise<void>;

// Subscribers are code registered at start-up (like signal receivers), not request state.
const subscribers = new Map<SecurityEventType | "*", Set<Subscriber>>();

/** Adds a receiver for one event type (or "*" for all); returns a function that removes it. */
export function onSecurityEvent(type: SecurityEventType | "*", subscriber: Subscriber): () => void {
  const set = subscribers.get(type) ?? new Set<Subscriber>();
  set.add(subscriber);
  subscribers.set(type, set);
  return () => set.delete(subscriber);
}

/** @public Every subscriber registered now: the test harness checks that a test file removes those it added. */
export function currentSubscribers(): ReadonlySet<Subscriber> {
  return new Set([...subscribers.values()].flatMap((set) => [...set]));
}

// Every sign-in, failed or not, writes one: prepared once per database handle (lib/db/prepared.ts).
const insertEventStatement = preparedFor((db) =>
  db
    .insert(tables.securityEvents)
    .values({
      type: sql.placeholder("type"),
      userId: sql.placeholder("userId"),
      actorId: sql.placeholder("actorId"),
      ip: sql.placeholder("ip"),
      userAgent: sql.placeholder("userAgent"),
      data: sql.placeholder("data"),
      at: sql.placeholder("at"),
    })
    .prepare("security_event_insert"),
);

/** Writes the event to the activity log, then notifies subscribers (their failures are logged, not thrown). */
export async function recordEvent(
  type: SecurityEventType,
  input: { userId: string | null; ctx?: RequestContext; data?: Record<string, unknown> },
  db?: Queryable,
): Promise<void> {
  const event = newEvent(type, input);
  if (db) await db.insert(tables.securityEvents).values(event);
  else await insertEventStatement(await getDb()).execute({ ...event });
  await announceEvent(event);
}

/**
 * The event as it is stored, for a caller that writes it with its own statement (sign-in/complete.ts).
 * The one place an event gets its actor: the request context's (an administrator viewing the app as
 * the user: sessions/current.ts and the API fill it from the session), so no call site can forget it.
 * An actor acting on their own account is no actor.
 */
export function newEvent(type: SecurityEventType, input: { userId: string | null; ctx?: RequestContext; data?: Record<string, unknown> }): SecurityEvent {
  const actorId = input.ctx?.actorId ?? null;
  return {
    type,
    userId: input.userId,
    actorId: actorId !== input.userId ? actorId : null,
    ip: storable(input.ctx?.ip ?? null),
    userAgent: storable(input.ctx?.userAgent ?? null),
    data: storable(input.data ?? {}),
    at: new Date(),
  };
}

/** After an event's row is written: housekeeping now and then, and the subscribers. */
export async function announceEvent(event: SecurityEvent): Promise<void> {
  pruneNowAndThen("securityEvents");
  const receivers = [...(subscribers.get(event.type) ?? []), ...(subscribers.get("*") ?? [])];
  await Promise.all(
    receivers.map(async (receive) => {
      try {
        await receive(event);
      } catch (error) {
        console.error(`[gatehouse] subscriber for ${event.type} failed`, error);
      }
    }),
  );
}

/**
 * The last line of defence: event data as PostgreSQL can store it. A lone surrogate or a NUL
 * character makes jsonb (and text) refuse the whole insert, and with it the change being
 * logged; inputs are refused earlier (schemas.ts), but an event must never be the thing that
 * fails. Such characters become U+FFFD.
 */
function storable<T>(value: T): T {
  if (typeof value === "string") return value.toWellFormed().replace(/\u0000/g, "\ufffd") as T;
  if (Array.isArray(value)) return value.map(storable) as T;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [storable(key), storable(v)])) as T;
  }
  return value;
}

export type ActivityEntry = Pick<SecurityEvent, "type" | "ip" | "userAgent" | "data" | "at"> & {
  /** The administrator who did it through a view-as session; null when the user did (or that account is gone). */
  actorEmail: string | null;
};

const actor = alias(tables.users, "actor");

/** The user's own activity log, newest first, with who acted when it was not the user. */
export async function listUserEvents(userId: string, limit = 50): Promise<ActivityEntry[]> {
  const db = await getDb();
  return db
    .select({
      type: tables.securityEvents.type,
      ip: tables.securityEvents.ip,
      userAgent: tables.securityEvents.userAgent,
      data: tables.securityEvents.data,
      at: tables.securityEvents.at,
      actorEmail: actor.email,
    })
    .from(tables.securityEvents)
    .leftJoin(actor, eq(actor.id, tables.securityEvents.actorId))
    .where(eq(tables.securityEvents.userId, userId))
    .orderBy(desc(tables.securityEvents.at), desc(tables.securityEvents.id))
    .limit(limit);
}

/** Human labels for the activity page. */
export const EVENT_LABELS: Record<SecurityEventType, string> = {
  user_registered: "Account created",
  user_not_registered: "Someone tried to register with your email",
  confirm_instructions_sent: "Confirmation email sent",
  user_confirmed: "Email confirmed",
  user_authenticated: "Signed in",
  user_failed_authn: "Failed sign-in attempt",
  user_unauthenticated: "Signed out",
  reauthenticated: "Identity re-verified",
  reset_password_instructions_sent: "Password reset requested",
  password_reset: "Password reset",
  password_changed: "Password changed",
  account_locked: "Account locked after too many failed attempts",
  account_unlocked: "Account unlocked with the emailed link",
  session_revoked: "Session signed out remotely",
  user_deactivated: "Account deactivated",
  user_activated: "Account activated",
  role_added: "Role added",
  role_removed: "Role removed",
  tf_code_confirmed: "Second factor confirmed",
  tf_profile_changed: "Two-factor method set",
  tf_disabled: "Two-factor authentication turned off",
  tf_security_token_sent: "Sign-in code sent",
  tf_rescue_requested: "Asked for help with the second factor",
  tf_reset: "Two-factor settings reset by an administrator",
  mf_recovery_code_used: "Recovery code used",
  mf_recovery_codes_generated: "Recovery codes generated",
  wan_registered: "Passkey added",
  wan_deleted: "Passkey removed",
  wan_renamed: "Passkey renamed",
  us_security_token_sent: "Sign-in code sent",
  us_profile_changed: "Sign-in methods changed",
  login_instructions_sent: "Sign-in link sent",
  change_email_instructions_sent: "Email address change requested",
  change_email_confirmed: "Email address changed",
  change_email_cancelled: "Email address change cancelled",
  username_changed: "Username changed",
  username_recovery_email_sent: "Username sent by email",
  user_deleted: "Account deleted",
  refresh_tracker_revoked: "An app's sign-in ended: its refresh token was used twice",
  new_device_sign_in: "Signed in from a new device",
  role_created: "Role created",
  role_deleted: "Role deleted",
  role_permissions_changed: "Role permissions changed",
  access_reset: "Sign-in access reset by an administrator",
  wan_reset: "Passkeys removed by an administrator",
  token_uniquifier_changed: "API tokens revoked",
  admin_action: "Administrative action",
  role_renamed: "Role renamed",
  role_description_changed: "Role description changed",
  rescue_request_dismissed: "Request for help with the second factor dismissed",
  impersonation_started: "An administrator began viewing the app as this account",
  impersonation_ended: "An administrator stopped viewing the app as this account",
  password_rehashed: "Password storage upgraded at sign-in",
  user_imported: "Account imported from another system",
  oauth_linked: "Sign-in provider linked",
  oauth_unlinked: "Sign-in provider unlinked",
};
