import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { SECURITY_EVENT_TYPES } from "../../lib/security/core/stored-values";
import { users } from "./users";

/** Fixed-window counters: one upsert per check, shared by every app instance. */
export const rateLimits = pgTable(
  "rate_limits",
  {
    bucket: text("bucket").notNull(),
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
    // When the current window ends: windows differ per bucket (15 minutes to a year), so pruning needs it.
    expiresAt: timestamp("expires_at", { withTimezone: true })
      .notNull()
      .default(sql`now() + interval '1 day'`),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.key] }), index("rate_limits_expires_idx").on(t.expiresAt)],
);

/** The user's activity log and the audit trail; also fanned out to in-process subscribers. */
export const securityEvents = pgTable(
  "security_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    // Who did it when not the user: the administrator viewing the app as them (decision 058). The
    // row stays on the user's log when that administrator's account is deleted; the name goes.
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    type: text("type", { enum: SECURITY_EVENT_TYPES }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("security_events_user_idx").on(t.userId, t.at),
    index("security_events_type_idx").on(t.type, t.at),
    // Few rows have an actor: deleting an account finds its rows to clear here, not by scanning the log.
    index("security_events_actor_idx")
      .on(t.actorId)
      .where(sql`${t.actorId} is not null`),
  ],
);

/**
 * The transactional outbox for mail and SMS (DESIGN.md principle 11). A message row is written in
 * the same transaction as the change that causes it; a worker delivers it after the response,
 * claiming rows with `FOR UPDATE SKIP LOCKED` and a lease, so any number of instances can share
 * the work and a row claimed by an instance that died is picked up again when its lease ends.
 * The template's props (or the SMS text) are encrypted at rest: they carry sign-in links and codes.
 * With the development transport ("outbox") delivery renders the message into `subject`, `html`
 * and `text`, which is what /dev/mailbox shows; with a real provider those stay empty.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind", { enum: ["email", "sms"] }).notNull(),
    to: text("to").notNull(),
    /** Email template name (emails/index.ts); null for SMS. */
    template: text("template"),
    /** AES-256-GCM (lib/security/core/encryption.ts): the template's props as JSON, or the SMS text. Cleared once sent. */
    payloadEncrypted: text("payload_encrypted"),
    /** The recipient's language when the message was queued (users.locale): the template is rendered in it. */
    locale: text("locale"),
    status: text("status", { enum: ["pending", "sending", "sent", "failed"] })
      .notNull()
      .default("pending"),
    /** The transport that delivered (or last tried) the message. */
    transport: text("transport"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** While a worker holds the row; a lapsed lease means the worker died and the row is due again. */
    claimedUntil: timestamp("claimed_until", { withTimezone: true }),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    // Rendered content, kept only by the development transport (the dev mailbox reads it).
    subject: text("subject"),
    html: text("html"),
    text: text("text"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("outbox_to_idx").on(t.to, t.at),
    // The worker's claim: due rows by status and time.
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
  ],
);
