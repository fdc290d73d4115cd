import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { TOKEN_PURPOSES } from "../../lib/security/core/stored-values";
import { users } from "./users";

/** Email-link and state tokens. Stored as SHA-256; consumed once by an atomic UPDATE. */
export const oneTimeTokens = pgTable(
  "one_time_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    purpose: text("purpose", { enum: TOKEN_PURPOSES }).notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    payload: jsonb("payload").$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("one_time_tokens_user_idx").on(t.userId, t.purpose), index("one_time_tokens_expires_idx").on(t.expiresAt)],
);
