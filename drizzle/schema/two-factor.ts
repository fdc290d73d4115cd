import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { TWO_FACTOR_METHODS } from "../../lib/security/config/values";
import { AUTHN_METHODS } from "../../lib/security/core/authn-methods";
import { PENDING_STATES } from "../../lib/security/core/stored-values";
import { users } from "./users";

/** A user's second factor: one row per user (the reference's tf_primary_method + secret). */
export const twoFactor = pgTable(
  "two_factor",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    method: text("method", { enum: TWO_FACTOR_METHODS }).notNull(),
    // AES-256-GCM, versioned key id prefix (lib/security/core/encryption.ts).
    secretEncrypted: text("secret_encrypted").notNull(),
    phone: text("phone"), // E.164, sms only
    // Highest TOTP time step accepted: a code is accepted once (replay protection).
    lastTimeStep: bigint("last_time_step", { mode: "number" }).notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // The admin search by phone prefix (lib/security/accounts/user-search.ts; collate "C" for LIKE).
  (t) => [
    index("two_factor_phone_prefix_idx")
      .on(sql`${t.phone} collate "C"`)
      .where(sql`${t.phone} is not null`),
  ],
);

/**
 * The state between the first and the second factor. The browser holds a random token in an
 * HttpOnly cookie; this row (keyed by its SHA-256) says who, how far, and until when.
 */
export const pendingLogins = pgTable(
  "pending_logins",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // The user's uniquifier at the first factor: a reset in between voids the pending login.
    uniquifier: text("uniquifier").notNull(),
    state: text("state", { enum: PENDING_STATES }).notNull(),
    method: text("method", { enum: [...TWO_FACTOR_METHODS, "passkey"] }), // the second factor being asked for
    authnVia: text("authn_via", { enum: AUTHN_METHODS }).array().notNull(),
    remember: boolean("remember").notNull().default(false),
    next: text("next"),
    // Setup from login (required two-factor): the proposed method, secret and phone.
    setupMethod: text("setup_method", { enum: TWO_FACTOR_METHODS }),
    setupSecretEncrypted: text("setup_secret_encrypted"),
    setupPhone: text("setup_phone"),
    // Rescue by email: a one-time secret for the code sent to the account's address.
    rescueSecretEncrypted: text("rescue_secret_encrypted"),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    // Why the code for this sign-in could not be sent (an error code), shown on the code page.
    deliveryError: text("delivery_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("pending_logins_user_idx").on(t.userId), index("pending_logins_expires_idx").on(t.expiresAt)],
);

/** Multi-factor recovery codes: encrypted for display, HMAC-keyed for single-use look-up. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHmac: text("code_hmac").notNull(),
    codeEncrypted: text("code_encrypted").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHmac] })],
);
