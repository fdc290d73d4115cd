import { sql } from "drizzle-orm";
import { bigint, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { CODE_METHODS } from "../../lib/security/config/values";
import { users } from "./users";

/**
 * Unified sign-in methods (the reference's us_totp_secrets): each of email, sms and
 * authenticator has its own secret, separate from the two-factor one.
 */
export const signInMethods = pgTable(
  "sign_in_methods",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    method: text("method", { enum: CODE_METHODS }).notNull(),
    // AES-256-GCM, versioned key id prefix (lib/security/core/encryption.ts).
    secretEncrypted: text("secret_encrypted").notNull(),
    // E.164; an identity (people sign in with it), so unique across accounts.
    phone: text("phone").unique(),
    // Highest TOTP time step accepted: each code works once.
    lastTimeStep: bigint("last_time_step", { mode: "number" }).notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // The admin search by phone prefix (lib/security/accounts/user-search.ts; collate "C" for LIKE).
  (t) => [
    primaryKey({ columns: [t.userId, t.method] }),
    index("sign_in_methods_phone_prefix_idx")
      .on(sql`${t.phone} collate "C"`)
      .where(sql`${t.phone} is not null`),
  ],
);
