import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, preparedFor, type Queryable, tables } from "@/lib/db";
import { randomToken } from "../core/crypto";
import { isUuid, looksLikeEmail, normalizeEmail, normalizeUsername } from "./identity";
import { addRoleToUser } from "./user-roles";
import { hashPassword } from "../core/password-hash";

export type UserRecord = typeof tables.users.$inferSelect;

/** What may leave the server: no hashes, no uniquifier, no counters. */
export interface PublicUser {
  id: string;
  email: string;
  username: string | null;
  active: boolean;
  confirmedAt: Date | null;
  hasPassword: boolean;
  createdAt: Date;
  lastLoginAt: Date | null;
  loginCount: number;
}

export function toPublicUser(user: UserRecord): PublicUser {
  return {
    id: user.id,
    email: user.email,
    username: user.username,
    active: user.active,
    confirmedAt: user.confirmedAt,
    hasPassword: user.passwordHash !== null,
    createdAt: user.createdAt,
    lastLoginAt: user.currentLoginAt,
    loginCount: user.loginCount,
  };
}

export interface CreateUserInput {
  email: string;
  password?: string | null;
  /** Already hashed (hash before a transaction: argon2 takes ~12 ms a connection need not wait). */
  passwordHash?: string | null;
  username?: string | null;
  confirmed?: boolean;
  active?: boolean;
  roles?: string[];
  /** The language the account reads (users.locale): at registration, the registering request's; null: SECURITY_DEFAULT_LOCALE. */
  locale?: string | null;
}

/**
 * Creates a user. Returns null when the email (or username) is already taken: the unique
 * index decides, so two concurrent registrations of one address create exactly one account.
 */
export async function createUser(input: CreateUserInput, db?: Queryable): Promise<UserRecord | null> {
  const q = db ?? (await getDb());
  const passwordHash = input.passwordHash ?? (input.password ? await hashPassword(input.password) : null);
  const [user] = await q
    .insert(tables.users)
    .values({
      email: input.email.trim().normalize("NFKC"),
      emailNormalized: normalizeEmail(input.email),
      username: input.username?.trim().normalize("NFKD") || null,
      usernameNormalized: input.username ? normalizeUsername(input.username) : null,
      passwordHash,
      active: input.active ?? true,
      confirmedAt: input.confirmed ? new Date() : null,
      uniquifier: randomToken(),
      locale: input.locale ?? null,
    })
    .onConflictDoNothing()
    .returning();
  if (!user) return null;
  for (const role of input.roles ?? []) await addRoleToUser(user.id, role, { db: q });
  return user;
}

export async function findUserById(id: string, db?: Queryable): Promise<UserRecord | null> {
  if (!isUuid(id)) return null;
  const [user] = await (db ?? (await getDb())).select().from(tables.users).where(eq(tables.users.id, id));
  return user ?? null;
}

// PostgreSQL text cannot hold NUL (the query would throw); no stored identity contains one.
const hasNul = (value: string) => value.includes("\u0000");

// Every sign-in by email starts here: prepared once per database handle (lib/db/prepared.ts).
const userByEmailStatement = preparedFor((db) =>
  db
    .select()
    .from(tables.users)
    .where(eq(tables.users.emailNormalized, sql.placeholder("email")))
    .prepare("user_by_email"),
);

export async function findUserByEmail(email: string, db?: Queryable): Promise<UserRecord | null> {
  if (hasNul(email)) return null;
  const [user] = db
    ? await db
        .select()
        .from(tables.users)
        .where(eq(tables.users.emailNormalized, normalizeEmail(email)))
    : await userByEmailStatement(await getDb()).execute({ email: normalizeEmail(email) });
  return user ?? null;
}

export async function findUserByUsername(username: string, db?: Queryable): Promise<UserRecord | null> {
  if (hasNul(username)) return null;
  const [user] = await (db ?? (await getDb()))
    .select()
    .from(tables.users)
    .where(eq(tables.users.usernameNormalized, normalizeUsername(username)));
  return user ?? null;
}

/** USER_IDENTITY_ATTRIBUTES: an email, or a username when usernames are enabled. */
export async function findUserByIdentity(identity: string, usernames: boolean): Promise<UserRecord | null> {
  if (looksLikeEmail(identity)) return findUserByEmail(identity);
  return usernames ? findUserByUsername(identity) : null;
}

/** Rotates the uniquifier: every session, remember cookie and token of the user dies. */
export async function setUniquifier(userId: string, db?: Queryable): Promise<string> {
  const uniquifier = randomToken();
  await (db ?? (await getDb()))
    .update(tables.users)
    .set({ uniquifier, updatedAt: sql`now()` })
    .where(eq(tables.users.id, userId));
  return uniquifier;
}

export interface Authorization {
  roles: string[];
  permissions: string[];
}

export async function getAuthorization(userId: string): Promise<Authorization> {
  const db = await getDb();
  const rows = await db
    .select({ name: tables.roles.name, permissions: tables.roles.permissions })
    .from(tables.userRoles)
    .innerJoin(tables.roles, eq(tables.roles.id, tables.userRoles.roleId))
    .where(eq(tables.userRoles.userId, userId));
  return { roles: rows.map((r) => r.name), permissions: [...new Set(rows.flatMap((r) => r.permissions))] };
}
