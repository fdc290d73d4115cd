import "server-only";
import { and, eq, lt } from "drizzle-orm";
import { getDb, type Queryable, tables } from "@/lib/db";
import { sendEmail } from "@/lib/mail";
import { proposeMethod, sendOneTimeCode, type CodeDelivery } from "./code-delivery";
import { getConfig, type TwoFactorMethod } from "./config";
import { humanizeDuration } from "./duration";
import { encryptSecret, tryDecryptSecret } from "./encryption";
import { fail, type Result } from "./errors";
import { recordEvent } from "./events";
import { maskPhone, normalizePhone } from "./phone";
import { consumeRateLimit, RATE_LIMITS } from "./rate-limit";
import { deleteRecoveryCodes } from "./recovery-codes";
import type { RequestContext } from "./request-context";
import { consumeToken, peekToken } from "./tokens";
import { verifyTotp } from "./totp";
import { setUniquifier, type UserRecord } from "./users";

export type TwoFactorRow = typeof tables.twoFactor.$inferSelect;

export const METHOD_LABELS: Record<TwoFactorMethod, string> = {
  authenticator: "authenticator app",
  email: "email codes",
  sms: "text message codes",
};

export async function getTwoFactor(userId: string): Promise<TwoFactorRow | null> {
  const db = await getDb();
  const [row] = await db.select().from(tables.twoFactor).where(eq(tables.twoFactor.userId, userId));
  return row ?? null;
}

/** Global switch or one of the user's roles (SECURITY_TWO_FACTOR_REQUIRED[_ROLES]). */
export function isTwoFactorRequired(roles: string[]): boolean {
  const { enabled, required, requiredRoles } = getConfig().twoFactor;
  return enabled && (required || roles.some((r) => requiredRoles.includes(r)));
}

export function isMethodEnabled(method: string): method is TwoFactorMethod {
  return (getConfig().twoFactor.methods as string[]).includes(method);
}

/** Emails or texts the current two-factor code of `secret` (see sendOneTimeCode). */
export function sendTwoFactorCode(user: Pick<UserRecord, "id" | "email">, delivery: CodeDelivery, ctx: RequestContext): Promise<Result> {
  const config = getConfig();
  return sendOneTimeCode(
    user,
    delivery,
    {
      purpose: "two-factor code",
      event: "tf_security_token_sent",
      sendEmail: (code) =>
        sendEmail("two_factor_instructions", user.email, {
          appName: config.appName,
          email: user.email,
          code,
          within: humanizeDuration(config.twoFactor.validity.email),
        }),
    },
    ctx,
  );
}

export interface SetupStarted {
  setupToken: string;
  method: TwoFactorMethod;
  /** Authenticator only: what the QR code and the typed key show. */
  secret: string | null;
  uri: string | null;
  phoneMasked: string | null;
}

/**
 * Step 1 of setting up or changing the method while signed in: a new secret is proposed (kept
 * encrypted in a 30-minute setup token, not on the user) and, for email/sms, a code is sent.
 * Nothing changes until step 2 proves the method works.
 */
export async function startTwoFactorSetup(
  user: UserRecord,
  input: { method: string; phone?: string | null },
  ctx: RequestContext,
): Promise<Result<SetupStarted>> {
  const config = getConfig();
  if (!config.twoFactor.enabled || !isMethodEnabled(input.method)) return fail("TWO_FACTOR_METHOD_NOT_AVAILABLE");
  const method = input.method;
  let phone: string | null = null;
  if (method === "sms") {
    phone = normalizePhone(input.phone ?? "");
    if (!phone) return fail("PHONE_INVALID", { phone: ["Phone number not valid e.g. missing country code"] });
  }
  const proposed = await proposeMethod(user, {
    purpose: "tf-setup",
    within: config.twoFactor.setupWithin,
    method,
    phone,
    send: (delivery) => sendTwoFactorCode(user, delivery, ctx),
  });
  if (!proposed.ok) return proposed;
  return {
    ok: true,
    setupToken: proposed.setupToken,
    method,
    secret: proposed.uri ? proposed.secret : null,
    uri: proposed.uri,
    phoneMasked: phone ? maskPhone(phone) : null,
  };
}

/** Step 2: a correct code from the new method saves it (replacing any previous method). */
export async function confirmTwoFactorSetup(
  user: UserRecord,
  input: { setupToken: string; code: string },
  ctx: RequestContext,
): Promise<Result<{ method: TwoFactorMethod; changed: boolean }>> {
  const budget = await consumeRateLimit(RATE_LIMITS.codeChecksPerUser, user.id);
  if (!budget.ok) return fail("RATE_LIMITED", undefined, budget.retryAfter);
  const found = await peekToken("tf-setup", input.setupToken);
  if (found.status === "expired") return fail("TWO_FACTOR_SETUP_EXPIRED");
  if (found.status !== "valid" || found.userId !== user.id || found.payload.uniquifier !== user.uniquifier) {
    return fail("TWO_FACTOR_SETUP_EXPIRED");
  }
  const method = found.payload.method as TwoFactorMethod;
  const secret = tryDecryptSecret(found.payload.secret ?? "");
  if (secret === null) return fail("SECRET_UNAVAILABLE");
  const check = await verifyTotp(secret, input.code, getConfig().twoFactor.validity[method], 0);
  if (!check.valid) return fail("TWO_FACTOR_INVALID_TOKEN", { code: ["Invalid code"] });

  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const used = await consumeToken("tf-setup", input.setupToken, tx);
    if (used.status !== "valid") return fail("TWO_FACTOR_SETUP_EXPIRED");
    const changed = await saveTwoFactor(user.id, { method, secret, phone: found.payload.phone || null, timeStep: check.timeStep }, tx);
    await recordEvent("tf_profile_changed", { userId: user.id, ctx, data: { method } }, tx);
    return { ok: true as const, method, changed };
  });
  if (outcome.ok) await notifyTwoFactorChange(user, outcome.changed ? "changed" : "enabled", method);
  return outcome;
}

/** Writes the user's method (upsert); returns whether one existed before. */
export async function saveTwoFactor(
  userId: string,
  input: { method: TwoFactorMethod; secret: string; phone: string | null; timeStep: number },
  db: Queryable,
): Promise<boolean> {
  const [before] = await db.select({ userId: tables.twoFactor.userId }).from(tables.twoFactor).where(eq(tables.twoFactor.userId, userId));
  const values = {
    method: input.method,
    secretEncrypted: encryptSecret(input.secret),
    phone: input.phone,
    lastTimeStep: input.timeStep,
    updatedAt: new Date(),
  };
  await db
    .insert(tables.twoFactor)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: tables.twoFactor.userId, set: values });
  return Boolean(before);
}

/** Turns two-factor off (fresh session required by the caller); refused when it is required. */
export async function disableTwoFactor(user: UserRecord, roles: string[], ctx: RequestContext): Promise<Result> {
  if (isTwoFactorRequired(roles)) return fail("TWO_FACTOR_REQUIRED");
  const db = await getDb();
  const removed = await db.delete(tables.twoFactor).where(eq(tables.twoFactor.userId, user.id)).returning();
  if (!removed.length) return fail("TWO_FACTOR_METHOD_NOT_AVAILABLE");
  await recordEvent("tf_disabled", { userId: user.id, ctx });
  await notifyTwoFactorChange(user, "disabled", (removed[0]?.method as TwoFactorMethod | undefined) ?? null);
  return { ok: true };
}

/**
 * Checks a code against the user's saved method and records its time step atomically: two
 * requests (or two app instances) presenting the same code cannot both pass. Null: the secret
 * cannot be decrypted with the configured keys (SECRET_UNAVAILABLE).
 */
export async function verifyAndConsumeCode(row: TwoFactorRow, code: string): Promise<boolean | null> {
  const window = getConfig().twoFactor.validity[row.method as TwoFactorMethod] ?? 120;
  const secret = tryDecryptSecret(row.secretEncrypted);
  if (secret === null) return null;
  const check = await verifyTotp(secret, code, window, row.lastTimeStep);
  if (!check.valid) return false;
  const db = await getDb();
  const claimed = await db
    .update(tables.twoFactor)
    .set({ lastTimeStep: check.timeStep })
    .where(and(eq(tables.twoFactor.userId, row.userId), lt(tables.twoFactor.lastTimeStep, check.timeStep)))
    .returning({ userId: tables.twoFactor.userId });
  return claimed.length > 0;
}

/** Admin helper: forget the user's second factor and recovery codes (they set up again if required). */
export async function resetTwoFactor(userId: string, ctx?: RequestContext): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.delete(tables.twoFactor).where(eq(tables.twoFactor.userId, userId));
    await deleteRecoveryCodes(userId, tx);
    await tx.delete(tables.pendingLogins).where(eq(tables.pendingLogins.userId, userId));
    // Remembered devices are bound to the uniquifier: rotate it so they must pass again.
    await setUniquifier(userId, tx);
    await recordEvent("tf_reset", { userId, ctx }, tx);
  });
}

/** Emails the account owner that two-factor was enabled, changed or disabled. */
export async function notifyTwoFactorChange(user: UserRecord, change: "enabled" | "changed" | "disabled", method: TwoFactorMethod | null) {
  const config = getConfig();
  await sendEmail("two_factor_changed", user.email, {
    appName: config.appName,
    email: user.email,
    change,
    method: method ? METHOD_LABELS[method] : null,
    securityLink: `${config.appUrl}/account/two-factor`,
  });
}
