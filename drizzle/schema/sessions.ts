import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
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
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);
