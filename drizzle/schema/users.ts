import { sql } from "drizzle-orm";
import { MAX_CONSECUTIVE_FAILURES } from "../../lib/security/core/rate-limit-policies";
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    // Lower-cased, NFKC form used for look-ups and uniqueness; `email` keeps what the user typed.
    emailNormalized: text("email_normalized").notNull().unique(),
    username: text("username"),
    usernameNormalized: text("username_normalized").unique(),
    // Null for password-less accounts (unified sign-in, passkeys).
    passwordHash: text("password_hash"),
    // The password was chosen through an emailed reset link: until the account passes an
    // independent second factor or the password is changed, it only proves control of the inbox
    // (DESIGN.md principle 10), so signing in with it counts as the email channel.
    passwordFromReset: boolean("password_from_reset").notNull().default(false),
    active: boolean("active").notNull().default(true),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    // Rotating this ends every session and invalidates every outstanding token of the user.
    uniquifier: text("uniquifier").notNull().unique(),
    // With SECURITY_TOKEN_UNIQUIFIER, auth tokens are bound to this one instead (Flask-Security's
    // fs_token_uniquifier): a password change then leaves them alive; rotating it ends them all.
    tokenUniquifier: text("token_uniquifier")
      .notNull()
      .default(sql`gen_random_uuid()::text`),
    // WebAuthn user.id: random, stable, never the primary key or email (it is stored on authenticators).
    webauthnUserHandle: text("webauthn_user_handle").unique(),
    // Consecutive failed password attempts; reset on success (NIST 800-63B §5.2.2 lockout).
    failedLoginCount: integer("failed_login_count").notNull().default(0),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    currentLoginAt: timestamp("current_login_at", { withTimezone: true }),
    lastLoginIp: text("last_login_ip"),
    currentLoginIp: text("current_login_ip"),
    loginCount: integer("login_count").notNull().default(0),
    // The IANA time zone the user's browser last reported (decision 066): pages and notice emails
    // show times in it. Null until a page has seen the browser's; UTC then.
    timeZone: text("time_zone"),
    // The language the user reads (lib/i18n/locales.ts): chosen on /account, else the one of the
    // request that registered the account. Emails and SMS to the user are written in it, whoever's
    // request sends them; null means SECURITY_DEFAULT_LOCALE.
    locale: text("locale"),
    // Whether the user chose that language on /account (not just registered in it): only a choice
    // is carried to the pages of every browser they sign in on; until then pages follow the browser.
    localeChosen: boolean("locale_chosen").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    // Copies of facts kept in other tables, so the admin list's filters can have partial indexes
    // (decision 054). Written only by triggers of migration 0012 on two_factor and
    // webauthn_credentials, never by the application: a count, so concurrent adds and removals commute.
    twoFactorOn: boolean("two_factor_on").notNull().default(false),
    passkeyCount: integer("passkey_count").notNull().default(0),
  },
  // The admin list's orders (lib/security/accounts/user-search.ts): sign-up order, and email and
  // username prefixes in byte order (collate "C", so LIKE 'prefix%' can use them in any locale).
  (t) => [
    index("users_created_at_id_idx").on(t.createdAt, t.id),
    index("users_email_prefix_idx").on(sql`${t.emailNormalized} collate "C"`, t.id),
    index("users_username_prefix_idx")
      .on(sql`${t.usernameNormalized} collate "C"`, t.id)
      .where(sql`${t.usernameNormalized} is not null`),
    // Last sign-in order (never = -infinity, so the keyset needs no null case; user-list-order.ts).
    index("users_last_sign_in_idx").on(sql`coalesce(${t.currentLoginAt}, '-infinity'::timestamptz)`, t.id),
    // The rare states the list filters on (user-filters.ts), in sign-up order: a page of them reads
    // these few rows instead of walking every account. The bench (scripts/bench-admin-users.ts) measured why.
    index("users_disabled_created_idx")
      .on(t.createdAt, t.id)
      .where(sql`not ${t.active}`),
    index("users_unconfirmed_created_idx")
      .on(t.createdAt, t.id)
      .where(sql`${t.confirmedAt} is null`),
    index("users_locked_created_idx")
      .on(t.createdAt, t.id)
      .where(sql`${t.failedLoginCount} >= ${sql.raw(String(MAX_CONSECUTIVE_FAILURES))}`),
    // The same filters in last-sign-in order, where the seed's never-signed-in accounts (first in that
    // order, none of them disabled, unconfirmed, with two-factor or a passkey) made the first page walk
    // 100,000 rows (decision 054, docs/scaling.md). Locked accounts were fast there and have none.
    index("users_disabled_last_sign_in_idx")
      .on(sql`coalesce(${t.currentLoginAt}, '-infinity'::timestamptz)`, t.id)
      .where(sql`not ${t.active}`),
    index("users_unconfirmed_last_sign_in_idx")
      .on(sql`coalesce(${t.currentLoginAt}, '-infinity'::timestamptz)`, t.id)
      .where(sql`${t.confirmedAt} is null`),
    index("users_two_factor_last_sign_in_idx")
      .on(sql`coalesce(${t.currentLoginAt}, '-infinity'::timestamptz)`, t.id)
      .where(sql`${t.twoFactorOn}`),
    index("users_passkey_last_sign_in_idx")
      .on(sql`coalesce(${t.currentLoginAt}, '-infinity'::timestamptz)`, t.id)
      .where(sql`${t.passkeyCount} > 0`),
  ],
);

export const roles = pgTable("roles", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  description: text("description"),
  permissions: text("permissions")
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const userRoles = pgTable(
  "user_roles",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    roleId: uuid("role_id")
      .notNull()
      .references(() => roles.id, { onDelete: "cascade" }),
    // The holder's keys in the admin list's three orders, copied from users (decision 058), so a role
    // filter reads its page from one range of this table's (role, key, user) indexes in any order.
    // Written only by triggers of migration 0013 (a role given, a user's key changed); the defaults
    // are never seen: the insert trigger overwrites them from the user's row.
    userCreatedAt: timestamp("user_created_at", { withTimezone: true }).notNull().defaultNow(),
    userEmail: text("user_email").notNull().default(""),
    // coalesce(current_login_at, '-infinity'), as the list's last-sign-in order (user-list-order.ts).
    userLastSignIn: timestamp("user_last_sign_in", { withTimezone: true })
      .notNull()
      .default(sql`'-infinity'::timestamptz`),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.roleId] }),
    // Its leading column serves what user_roles_role_idx (dropped by 0013) did: a role's holders.
    index("user_roles_role_created_idx").on(t.roleId, t.userCreatedAt, t.userId),
    index("user_roles_role_email_idx").on(t.roleId, sql`${t.userEmail} collate "C"`, t.userId),
    index("user_roles_role_last_sign_in_idx").on(t.roleId, t.userLastSignIn, t.userId),
  ],
);
