import "server-only";
import { and, eq, lt, ne } from "drizzle-orm";
import { getDb, type Queryable, tables } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { encryptSecret, tryDecryptSecret } from "../core/encryption";
import { fail, type Result } from "../core/errors";
import type { UserRecord } from "../accounts/users";
import { isCodeMethod, rulesFor, type AnyCodeMethod, type CodePurpose } from "./purposes";
import { newTotpSecret, verifyTotp } from "./totp";

/**
 * Where each purpose keeps its methods: `two_factor` (one row per user) and `sign_in_methods`
 * (one row per user and method). Secrets are encrypted at rest; `lastTimeStep` is the replay guard.
 */
export type TwoFactorRow = typeof tables.twoFactor.$inferSelect;
export type SignInMethodRow = typeof tables.signInMethods.$inferSelect;

/** What a code check needs of either row. */
export type CodeMethodRow = Pick<TwoFactorRow, "userId" | "secretEncrypted" | "lastTimeStep"> & { method: string };

export async function getTwoFactor(userId: string): Promise<TwoFactorRow | null> {
  const db = await getDb();
  const [row] = await db.select().from(tables.twoFactor).where(eq(tables.twoFactor.userId, userId));
  return row ?? null;
}

/** The user's sign-in methods that unified sign-in currently offers. */
export async function listSignInMethods(userId: string, db?: Queryable): Promise<SignInMethodRow[]> {
  const rows = await (db ?? (await getDb())).select().from(tables.signInMethods).where(eq(tables.signInMethods.userId, userId));
  const rules = rulesFor("sign-in");
  return rows.filter((r) => rules.isEnabled(r.method));
}

export async function findSignInMethod(userId: string, method: AnyCodeMethod): Promise<SignInMethodRow | null> {
  if (!rulesFor("sign-in").isEnabled(method)) return null;
  const db = await getDb();
  const [row] = await db
    .select()
    .from(tables.signInMethods)
    .where(and(eq(tables.signInMethods.userId, userId), eq(tables.signInMethods.method, method)));
  return row ?? null;
}

/** The account whose SMS sign-in method uses this phone (phones are identities: unique). */
export async function findUserByPhone(e164: string): Promise<UserRecord | null> {
  const db = await getDb();
  const [row] = await db
    .select({ user: tables.users })
    .from(tables.signInMethods)
    .innerJoin(tables.users, eq(tables.users.id, tables.signInMethods.userId))
    .where(and(eq(tables.signInMethods.phone, e164), eq(tables.signInMethods.method, "sms")));
  return row?.user ?? null;
}

/** Password-less accounts start with email codes (Flask-Security sets up "email" for them). */
export async function addEmailMethod(userId: string, db: Queryable): Promise<void> {
  await db
    .insert(tables.signInMethods)
    .values({ userId, method: "email", secretEncrypted: encryptSecret(newTotpSecret()), phone: null })
    .onConflictDoNothing();
}

export interface MethodToSave {
  method: AnyCodeMethod;
  secret: string;
  phone: string | null;
  /** The time step of the code that proved it: that code cannot be used again. */
  timeStep: number;
}

const PHONE_TAKEN = () => fail("IDENTITY_ALREADY_ASSOCIATED", { phone: ["This phone number is already used by another account"] });

/**
 * Saves (or replaces) a method; `replaced` says whether the user had one before (two-factor:
 * any method; sign-in: this method). A sign-in phone is an identity, so one another account
 * uses is IDENTITY_ALREADY_ASSOCIATED; a two-factor phone is not (two accounts may share one).
 */
export async function saveCodeMethod(purpose: CodePurpose, userId: string, input: MethodToSave, db: Queryable): Promise<Result<{ replaced: boolean }>> {
  const secretEncrypted = encryptSecret(input.secret);
  if (purpose === "two-factor") {
    const [before] = await db.select({ userId: tables.twoFactor.userId }).from(tables.twoFactor).where(eq(tables.twoFactor.userId, userId));
    const values = { method: input.method, secretEncrypted, phone: input.phone, lastTimeStep: input.timeStep, updatedAt: new Date() };
    await db
      .insert(tables.twoFactor)
      .values({ userId, ...values })
      .onConflictDoUpdate({ target: tables.twoFactor.userId, set: values });
    return { ok: true, replaced: Boolean(before) };
  }
  const table = tables.signInMethods;
  if (input.phone) {
    const [taken] = await db
      .select({ userId: table.userId })
      .from(table)
      .where(and(eq(table.phone, input.phone), ne(table.userId, userId)));
    if (taken) return PHONE_TAKEN();
  }
  const [before] = await db
    .select({ userId: table.userId })
    .from(table)
    .where(and(eq(table.userId, userId), eq(table.method, input.method)));
  const values = { secretEncrypted, phone: input.phone, lastTimeStep: input.timeStep };
  const rows = await db
    .insert(table)
    .values({ userId, method: input.method, ...values })
    .onConflictDoUpdate({ target: [table.userId, table.method], set: values })
    .returning({ userId: table.userId })
    .catch((error: unknown) => {
      // Another account saved the same phone between our check and this write (unique index).
      if (isUniqueViolation(error)) return [];
      throw error;
    });
  return rows.length ? { ok: true, replaced: Boolean(before) } : PHONE_TAKEN();
}

/**
 * A code check: right and unused, wrong, right but already used (a replay, or the loser of a
 * race), or impossible because the secret cannot be decrypted (a configuration error).
 */
export type CodeVerdict = "valid" | "invalid" | "replayed" | "unavailable";

/**
 * Checks a code against a saved method and claims its time step in the same statement, so a
 * code works once even when two requests (or two app instances) race; the loser learns it lost
 * ("replayed"), which is not counted as a guess. "unavailable": the configured keys cannot read
 * the secret (SECRET_UNAVAILABLE; logged once by tryDecryptSecret).
 */
export async function consumeCode(purpose: CodePurpose, row: CodeMethodRow, code: string): Promise<CodeVerdict> {
  if (!isCodeMethod(row.method)) return "invalid";
  const secret = tryDecryptSecret(row.secretEncrypted);
  if (secret === null) return "unavailable";
  const check = await verifyTotp(secret, code, rulesFor(purpose).window(row.method), 0);
  if (!check.valid) return "invalid";
  if (check.timeStep <= row.lastTimeStep) return "replayed";
  const db = await getDb();
  const claimed =
    purpose === "two-factor"
      ? await db
          .update(tables.twoFactor)
          .set({ lastTimeStep: check.timeStep })
          .where(and(eq(tables.twoFactor.userId, row.userId), lt(tables.twoFactor.lastTimeStep, check.timeStep)))
          .returning({ userId: tables.twoFactor.userId })
      : await db
          .update(tables.signInMethods)
          .set({ lastTimeStep: check.timeStep })
          .where(
            and(
              eq(tables.signInMethods.userId, row.userId),
              eq(tables.signInMethods.method, row.method),
              lt(tables.signInMethods.lastTimeStep, check.timeStep),
            ),
          )
          .returning({ userId: tables.signInMethods.userId });
  return claimed.length > 0 ? "valid" : "replayed";
}
