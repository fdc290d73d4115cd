import "server-only";
import { and, eq, lt, ne } from "drizzle-orm";
import { getDb, type Queryable, tables } from "@/lib/db";
import { queueEmail } from "@/lib/outbox/queue";
import { sendOneTimeCode, type CodeDelivery } from "./delivery";
import { getConfig, type CodeMethod } from "../config";
import { humanizeDuration } from "../config/duration";
import { encryptSecret, tryDecryptSecret } from "../core/encryption";
import { fail, type Result } from "../core/errors";
import type { RequestContext } from "../core/request-context";
import { newTotpSecret, verifyTotp } from "./totp";
import type { CodeVerdict } from "./two-factor";
import type { UserRecord } from "../accounts/users";

export type SignInMethodRow = typeof tables.signInMethods.$inferSelect;

export const CODE_METHOD_LABELS: Record<CodeMethod, string> = {
  email: "email codes",
  sms: "text message codes",
  authenticator: "an authenticator app",
};

/** Whether unified sign-in offers this code method (SECURITY_US_ENABLED_METHODS, SMS deliverable). */
export function isCodeMethodEnabled(method: string): method is CodeMethod {
  const config = getConfig().unified;
  return config.enabled && method !== "password" && (config.methods as string[]).includes(method);
}

export async function listSignInMethods(userId: string, db?: Queryable): Promise<SignInMethodRow[]> {
  const rows = await (db ?? (await getDb())).select().from(tables.signInMethods).where(eq(tables.signInMethods.userId, userId));
  return rows.filter((r) => isCodeMethodEnabled(r.method));
}

export async function findSignInMethod(userId: string, method: CodeMethod): Promise<SignInMethodRow | null> {
  if (!isCodeMethodEnabled(method)) return null;
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

/** How long a code of this method stays valid (email/SMS: US_TOKEN_VALIDITY; apps: their window). */
export function codeWindow(method: CodeMethod): number {
  const config = getConfig();
  return method === "authenticator" ? config.twoFactor.validity.authenticator : config.unified.codeValidity;
}

/**
 * Checks a code against one method and records its time step in the same statement that
 * claims it, so a code works once even when two requests (or instances) race; the loser learns
 * it lost ("replayed"), which is not a guess.
 */
export async function consumeMethodCode(row: SignInMethodRow, code: string): Promise<CodeVerdict> {
  // A secret the configured keys cannot read is a method that cannot match (logged once by tryDecryptSecret).
  const secret = tryDecryptSecret(row.secretEncrypted);
  if (secret === null) return "unavailable";
  const check = await verifyTotp(secret, code, codeWindow(row.method as CodeMethod), 0);
  if (!check.valid) return "invalid";
  if (check.timeStep <= row.lastTimeStep) return "replayed";
  const db = await getDb();
  const table = tables.signInMethods;
  const claimed = await db
    .update(table)
    .set({ lastTimeStep: check.timeStep })
    .where(and(eq(table.userId, row.userId), eq(table.method, row.method), lt(table.lastTimeStep, check.timeStep)))
    .returning({ userId: table.userId });
  return claimed.length > 0 ? "valid" : "replayed";
}

/** Emails (with the sign-in link, when given) or texts the current sign-in code (see sendOneTimeCode). */
export function deliverCode(
  user: Pick<UserRecord, "id" | "email">,
  delivery: CodeDelivery & { loginLink?: string | null },
  ctx: RequestContext,
): Promise<Result> {
  const config = getConfig();
  return sendOneTimeCode(
    user,
    delivery,
    {
      event: "us_security_token_sent",
      eventData: { link: Boolean(delivery.loginLink) },
      queueEmail: (code, db) =>
        queueEmail(
          "us_instructions",
          user.email,
          { appName: config.appName, email: user.email, code, loginLink: delivery.loginLink ?? null, within: humanizeDuration(config.unified.codeValidity) },
          db,
        ),
    },
    ctx,
  );
}

/** Saves (or replaces) a method; a phone taken by another account is IDENTITY_ALREADY_ASSOCIATED. */
export async function saveSignInMethod(
  userId: string,
  input: { method: CodeMethod; secret: string; phone: string | null; timeStep: number },
  db: Queryable,
): Promise<Result> {
  if (input.phone) {
    const [taken] = await db
      .select({ userId: tables.signInMethods.userId })
      .from(tables.signInMethods)
      .where(and(eq(tables.signInMethods.phone, input.phone), ne(tables.signInMethods.userId, userId)));
    if (taken) return fail("IDENTITY_ALREADY_ASSOCIATED", { phone: ["This phone number is already used by another account"] });
  }
  const values = { secretEncrypted: encryptSecret(input.secret), phone: input.phone, lastTimeStep: input.timeStep };
  const rows = await db
    .insert(tables.signInMethods)
    .values({ userId, method: input.method, ...values })
    .onConflictDoUpdate({ target: [tables.signInMethods.userId, tables.signInMethods.method], set: values })
    .returning({ userId: tables.signInMethods.userId })
    .catch((error: unknown) => {
      // Another account saved the same phone between our check and this write (unique index).
      if (String((error as { code?: unknown; cause?: { code?: unknown } })?.code ?? (error as { cause?: { code?: unknown } })?.cause?.code) === "23505") return [];
      throw error;
    });
  if (!rows.length) return fail("IDENTITY_ALREADY_ASSOCIATED", { phone: ["This phone number is already used by another account"] });
  return { ok: true };
}

/** Password-less accounts start with email codes (the reference auto-sets-up "email"). */
export async function addEmailMethod(userId: string, db: Queryable): Promise<void> {
  await db
    .insert(tables.signInMethods)
    .values({ userId, method: "email", secretEncrypted: encryptSecret(newTotpSecret()), phone: null })
    .onConflictDoNothing();
}

/** Emails the owner that a sign-in method was added or removed (in the change's transaction). */
export async function notifyMethodChange(user: Pick<UserRecord, "email">, change: "added" | "removed", method: CodeMethod, db: Queryable): Promise<void> {
  const config = getConfig();
  await queueEmail(
    "sign_in_methods_changed",
    user.email,
    { appName: config.appName, email: user.email, change, method: CODE_METHOD_LABELS[method], methodsLink: `${config.appUrl}/account/sign-in-methods` },
    db,
  );
}
