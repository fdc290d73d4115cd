import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { AUTHN_METHODS } from "../../lib/security/core/authn-methods";
import { users } from "./users";

/**
 * The JSON API's auth tokens (`Authentication-Token` header): random and opaque like sessions,
 * only the SHA-256 stored. Bound to the user's uniquifier at issue (or their token uniquifier,
 * SECURITY_TOKEN_UNIQUIFIER), so a rotation ends them; they carry the freshness of the sign-in.
 */
export const authTokens = pgTable(
  "auth_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    uniquifier: text("uniquifier").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    authenticatedAt: timestamp("authenticated_at", { withTimezone: true }).notNull(),
    authnVia: text("authn_via", { enum: AUTHN_METHODS }).array().notNull(),
    // The refresh-token family that issued it (null: issued without one): a replay ends them together.
    refreshFamilyId: uuid("refresh_family_id"),
  },
  (t) => [
    index("auth_tokens_user_idx").on(t.userId),
    index("auth_tokens_expires_idx").on(t.expiresAt),
    index("auth_tokens_refresh_family_idx").on(t.refreshFamilyId),
  ],
);
