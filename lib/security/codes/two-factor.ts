import "server-only";
import { and, eq, lt } from "drizzle-orm";
import { getDb, type Queryable, tables } from "@/lib/db";
import { queueEmail } from "@/lib/outbox/queue";
import { proposeMethod, sendOneTimeCode, type CodeDelivery } from "./delivery";
import { getConfig, type TwoFactorMethod } from "../config";
import { humanizeDuration } from "../config/duration";
import { encryptSecret, tryDecryptSecret } from "../core/encryption";
import { fail, messageFor, type Result } from "../core/errors";
import { recordEvent } from "../core/events";
import { maskPhone, normalizePhone } from "../accounts/phone";
import { consumeRateLimit, RATE_LIMITS } from "../core/rate-limit";
import { deleteRecoveryCodes } from "../recovery-codes/store";
import type { RequestContext } from "../core/request-context";
import { consumeToken, peekToken } from "../core/tokens";
import { verifyTotp } from "./totp";
import { isTwoFactorRequired } from "../core/two-factor-required";
import { setUniquifier, type UserRecord } from "../accounts/users";

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
      event: "tf_security_token_sent",
      queueEmail: (code, db) =>
        queueEmail(
          "two_factor_instructions",
          user.email,
          { appName: config.appName, email: user.email, code, within: humanizeDuration(config.twoFactor.validity.email) },
          db,
        ),
    },
    ctx,
  );
}

/** Sends the current code of the user's saved email or SMS method. */
export function sendTwoFactorCodeFor(user: Pick<UserRecord, "id" | "email">, profile: TwoFactorRow, ctx: RequestContext): Promise<Result> {
  if (profile.method !== "email" && profile.method !== "sms") return Promise.resolve(fail("TWO_FACTOR_METHOD_NOT_AVAILABLE"));
  const secret = tryDecryptSecret(profile.secretEncrypted);
  if (secret === null) return Promise.resolve(fail("SECRET_UNAVAILABLE"));
  return sendTwoFactorCode(user, { method: profile.method, secret, phone: profile.phone, lastTimeStep: profile.lastTimeStep }, ctx);
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
  if (method === "email" && !(await signsInOtherThanByEmail(user))) return fail("TWO_FACTOR_EMAIL_ONLY_ACCOUNT");
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

/**
 * Whether the account has a first factor that is not its inbox (a password, a passkey, an SMS or
 * authenticator sign-in method). Without one, email codes as the second step would be the inbox
 * twice — refused at every sign-in (DESIGN.md principle 10) — so they are not offered.
 */
async function signsInOtherThanByEmail(user: UserRecord): Promise<boolean> {
  if (user.passwordHash) return true;
  const db = await getDb();
  const [passkey] = await db
    .select({ id: tables.webauthnCredentials.id })
    .from(tables.webauthnCredentials)
    .where(and(eq(tables.webauthnCredentials.userId, user.id), eq(tables.webauthnCredentials.usage, "first")))
    .limit(1);
  if (passkey) return true;
  const methods = await db.select({ method: tables.signInMethods.method }).from(tables.signInMethods).where(eq(tables.signInMethods.userId, user.id));
  return methods.some((m) => m.method !== "email");
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
  if (!check.valid) return fail("TWO_FACTOR_INVALID_TOKEN", { code: [messageFor("TWO_FACTOR_INVALID_TOKEN")] });

  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const used = await consumeToken("tf-setup", input.setupToken, tx);
    if (used.status !== "valid") return fail("TWO_FACTOR_SETUP_EXPIRED");
    const changed = await saveTwoFactor(user.id, { method, secret, phone: found.payload.phone || null, timeStep: check.timeStep }, tx);
    await recordEvent("tf_profile_changed", { userId: user.id, ctx, data: { method } }, tx);
    await notifyTwoFactorChange(user, changed ? "changed" : "enabled", method, tx);
    return { ok: true as const, method, changed };
  });
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
  return db.transaction(async (tx): Promise<Result> => {
    const [removed] = await tx.delete(tables.twoFactor).where(eq(tables.twoFactor.userId, user.id)).returning();
    if (!removed) return fail("TWO_FACTOR_METHOD_NOT_AVAILABLE");
    await recordEvent("tf_disabled", { userId: user.id, ctx }, tx);
    await notifyTwoFactorChange(user, "disabled", removed.method as TwoFactorMethod, tx);
    return { ok: true };
  });
}

/**
 * A code check: right and unused, wrong, right but already used (a replay, or the loser of a
 * race), or impossible because the secret cannot be decrypted (a configuration error).
 */
export type CodeVerdict = "valid" | "invalid" | "replayed" | "unavailable";

/**
 * Checks a code against the user's saved method and records its time step atomically: two
 * requests (or two app instances) presenting the same code cannot both pass, and the one that
 * loses learns it lost — so it is not counted as a guess. "unavailable": the secret cannot be
 * decrypted with the configured keys (SECRET_UNAVAILABLE).
 */
export async function verifyAndConsumeCode(row: TwoFactorRow, code: string): Promise<CodeVerdict> {
  const window = getConfig().twoFactor.validity[row.method as TwoFactorMethod] ?? 120;
  const secret = tryDecryptSecret(row.secretEncrypted);
  if (secret === null) return "unavailable";
  const check = await verifyTotp(secret, code, window, 0);
  if (!check.valid) return "invalid";
  if (check.timeStep <= row.lastTimeStep) return "replayed";
  const db = await getDb();
  const claimed = await db
    .update(tables.twoFactor)
    .set({ lastTimeStep: check.timeStep })
    .where(and(eq(tables.twoFactor.userId, row.userId), lt(tables.twoFactor.lastTimeStep, check.timeStep)))
    .returning({ userId: tables.twoFactor.userId });
  return claimed.length > 0 ? "valid" : "replayed";
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

/** Emails the account owner that two-factor was enabled, changed or disabled (in the change's transaction). */
export async function notifyTwoFactorChange(user: UserRecord, change: "enabled" | "changed" | "disabled", method: TwoFactorMethod | null, db: Queryable): Promise<void> {
  const config = getConfig();
  await queueEmail(
    "two_factor_changed",
    user.email,
    { appName: config.appName, email: user.email, change, method: method ? METHOD_LABELS[method] : null, securityLink: `${config.appUrl}/account/two-factor` },
    db,
  );
}
