import { pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * A provider identity linked to an account (OAuth / OpenID Connect sign-in). Keyed by the
 * provider's subject, never by the email: an email can change hands at the provider, a subject
 * cannot. The email is what the provider said when the link was made, for the account page.
 */
export const oauthAccounts = pgTable(
  "oauth_accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    subject: text("subject").notNull(),
    email: text("email"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("oauth_accounts_provider_subject_idx").on(t.provider, t.subject),
    // One identity per provider and account: a second one would make "the linked account" ambiguous on /verify; it also serves lookups by account.
    uniqueIndex("oauth_accounts_user_provider_idx").on(t.userId, t.provider),
  ],
);
