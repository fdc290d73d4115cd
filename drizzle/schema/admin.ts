import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { RESCUE_RESOLUTIONS } from "../../lib/security/core/stored-values";
import { users } from "./users";

/**
 * The two-factor rescue "help" requests (Flask-Security only mails the admin): the console's queue.
 * One open request per account (the partial unique index): asking again counts, it does not add a
 * row or another mail. A resolved request stays as the record of who reset or dismissed it.
 */
export const rescueRequests = pgTable(
  "rescue_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastAskedAt: timestamp("last_asked_at", { withTimezone: true }).notNull().defaultNow(),
    timesAsked: integer("times_asked").notNull().default(1),
    ip: text("ip"),
    userAgent: text("user_agent"),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedBy: uuid("resolved_by").references(() => users.id, { onDelete: "set null" }),
    resolution: text("resolution", { enum: RESCUE_RESOLUTIONS }),
  },
  (t) => [
    uniqueIndex("rescue_requests_one_open_idx")
      .on(t.userId)
      .where(sql`${t.resolvedAt} is null`),
    index("rescue_requests_open_idx")
      .on(t.createdAt)
      .where(sql`${t.resolvedAt} is null`),
  ],
);
