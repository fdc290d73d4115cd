import { boolean, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { AUTHN_METHODS } from "../../lib/security/core/authn-methods";
import { users } from "./users";

/** One row per sign-in. The cookie holds a random token; only its SHA-256 is stored here. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // The user's uniquifier when the session began: a rotated uniquifier ends the session.
    uniquifier: text("uniquifier").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    authenticatedAt: timestamp("authenticated_at", { withTimezone: true }).notNull(),
    graceUntil: timestamp("grace_until", { withTimezone: true }),
    authnVia: text("authn_via", { enum: AUTHN_METHODS }).array().notNull(),
    remember: boolean("remember").notNull().default(false),
    ip: text("ip"),
    userAgent: text("user_agent"),
    // Impersonation (decision 042): the admin viewing as this user, and the SHA-256 of the admin's
    // own session token, which "Return to my account" must present to get that session back.
    impersonatorId: uuid("impersonator_id").references(() => users.id, { onDelete: "cascade" }),
    impersonatorSessionHash: text("impersonator_session_hash"),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

/**
 * Browsers that have signed in to an account (the new-device alert, decision 038): the browser's
 * known-device cookie holds a random value; only its SHA-256 is stored, one row per account.
 */
export const knownDevices = pgTable(
  "known_devices",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    deviceHash: text("device_hash").notNull(),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.deviceHash] }), index("known_devices_last_seen_idx").on(t.lastSeenAt)],
);
