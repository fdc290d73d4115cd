import { sql } from "drizzle-orm";
import { bigint, boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { PASSKEY_USAGES } from "../../lib/security/config/values";
import { CEREMONY_PURPOSES, PASSKEY_DEVICE_TYPES } from "../../lib/security/core/stored-values";
import { users } from "./users";

/** A registered WebAuthn credential (passkey or security key). */
export const webauthnCredentials = pgTable(
  "webauthn_credentials",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // base64url; unique across all users (the reference's WEBAUTHN_CREDENTIAL_ID_INUSE).
    credentialId: text("credential_id").notNull().unique(),
    publicKey: text("public_key").notNull(), // COSE key, base64url
    signCount: bigint("sign_count", { mode: "number" }).notNull().default(0),
    transports: text("transports")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    usage: text("usage", { enum: PASSKEY_USAGES }).notNull(),
    name: text("name").notNull(),
    discoverable: boolean("discoverable"),
    backedUp: boolean("backed_up").notNull().default(false),
    deviceType: text("device_type", { enum: PASSKEY_DEVICE_TYPES }).notNull(),
    aaguid: text("aaguid"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [
    index("webauthn_credentials_user_idx").on(t.userId),
    // Names are unique per user, ignoring case ("Laptop" and "laptop" would confuse the list).
    uniqueIndex("webauthn_credentials_user_name_idx").on(t.userId, sql`lower(${t.name})`),
  ],
);

/**
 * A WebAuthn ceremony in progress. The browser holds a random state token; this row (keyed by
 * its SHA-256) holds the challenge, what it is for and whom it is bound to, so any app instance
 * can finish a ceremony another one started. Deleted when used: single-use by construction.
 */
export const webauthnChallenges = pgTable(
  "webauthn_challenges",
  {
    stateHash: text("state_hash").primaryKey(),
    purpose: text("purpose", { enum: CEREMONY_PURPOSES }).notNull(),
    challenge: text("challenge").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    // SHA-256 of the session or pending-login token the ceremony belongs to (null for a first-factor sign-in).
    boundTo: text("bound_to"),
    payload: jsonb("payload").$type<Record<string, string | boolean>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("webauthn_challenges_expires_idx").on(t.expiresAt)],
);
