import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { AUTHN_METHODS } from "../../lib/security/core/authn-methods";
import { users } from "./users";

/**
 * Refresh tokens (SECURITY_REFRESH_TOKEN): one row per generation of a family, only the SHA-256
 * of the token stored. A family starts at a sign-in that asked for a token; each exchange spends
 * its newest row (`used_at`) and adds the next generation. Spent rows stay while the family lives,
 * so presenting one again is recognised as a replay and ends the family (decision 034).
 */
export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    familyId: uuid("family_id").notNull(),
    generation: integer("generation").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // As for auth tokens: the user's uniquifier (or token uniquifier) at the family's start.
    uniquifier: text("uniquifier").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // Idle expiry of this generation (SECURITY_REFRESH_TOKEN_MAX_IDLE), never past the family's.
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    // Absolute expiry of the family (SECURITY_REFRESH_TOKEN_MAX_AGE), the same on every row.
    familyExpiresAt: timestamp("family_expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    // The sign-in the family came from: its auth tokens carry this freshness, not the exchange's.
    authenticatedAt: timestamp("authenticated_at", { withTimezone: true }).notNull(),
    authnVia: text("authn_via", { enum: AUTHN_METHODS }).array().notNull(),
  },
  (t) => [
    index("refresh_tokens_family_idx").on(t.familyId),
    index("refresh_tokens_user_idx").on(t.userId),
    index("refresh_tokens_expires_idx").on(t.expiresAt),
  ],
);
