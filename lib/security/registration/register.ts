import "server-only";
import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import { queueEmail } from "@/lib/outbox/queue";
import { getConfig } from "../config";
import { humanizeDuration } from "../config/duration";
import { fail, messageFor, type FieldErrors, type Result } from "../core/errors";
import { recordEvent } from "../core/events";
import { normalizeEmail, usernameMessage, validateEmail, validateUsername } from "../accounts/identity";
import { emailMayBeDeliverable } from "../core/email-deliverability";
import { links } from "../core/links";
import { afterTheAnswer } from "../core/after-the-answer";
import { hashPassword } from "../core/password-hash";
import { checkPasswordPolicy, passwordPolicyFailure } from "../passwords/policy";
import { consumeRateLimit, RATE_LIMITS } from "../core/rate-limit";
import type { RequestContext } from "../core/request-context";
import { signInWith } from "../sign-in/first-factor";
import { issueResetLink } from "../passwords/reset";
import type { FirstFactorOutcome } from "../sign-in/second-factor";
import { issueToken } from "../core/tokens";
import { addEmailMethod } from "../codes/store";
import { createUser, findUserByEmail, findUserByUsername, type UserRecord } from "../accounts/users";

export interface RegisterInput {
  email: string;
  /** Empty or absent only when SECURITY_PASSWORD_REQUIRED=false. */
  password?: string | null;
  username?: string | null;
  /**
   * The registering request's language (lib/i18n): the account's users.locale, so its welcome and
   * every later email are written in it. The app or API layer chooses it; null: none named.
   */
  locale?: Locale | null;
}

/**
 * "confirm-sent": check your inbox (also what an existing address sees under generic responses).
 * "authenticated": confirmation is off or not required to sign in; `outcome` says whether a
 * session was started or a second factor is needed.
 */
export type Registration = { status: "confirm-sent"; email: string } | { status: "authenticated"; user: UserRecord; outcome: FirstFactorOutcome };

export async function registerUser(input: RegisterInput, ctx: RequestContext): Promise<Result<Registration>> {
  const config = getConfig();
  if (!config.features.registerable) return fail("API_ERROR");
  const limited = await consumeRateLimit(RATE_LIMITS.registerPerIp, ctx.ip);
  if (!limited.ok) return fail("RATE_LIMITED", undefined, limited.retryAfter);

  const username = config.username.enabled ? input.username?.trim() || null : null;
  const fieldErrors: FieldErrors = {};
  const emailError = validateEmail(input.email);
  if (emailError) fieldErrors.email = [messageFor(emailError)];
  else if (!(await emailMayBeDeliverable(input.email))) fieldErrors.email = [messageFor("INVALID_EMAIL_ADDRESS")];
  if (config.username.required && !username) fieldErrors.username = [messageFor("USERNAME_NOT_PROVIDED")];
  const usernameError = username ? validateUsername(username) : null;
  if (usernameError) fieldErrors.username = [usernameMessage(usernameError)];
  // Password-less accounts (SECURITY_PASSWORD_REQUIRED=false) sign in by emailed code or link.
  const password = input.password || null;
  if (!password && config.passwordRequired) fieldErrors.password = [messageFor("PASSWORD_NOT_PROVIDED")];
  const passwordError = password ? await checkPasswordPolicy(password, { email: input.email, username }) : null;
  if (passwordError) fieldErrors.password = passwordPolicyFailure(passwordError, "password").fieldErrors?.password;
  if (Object.keys(fieldErrors).length) return fail("INVALID_INPUT", fieldErrors);

  // Generic responses (on by default): an existing address looks exactly like a new one, in words
  // and in time — the account is created (or its owner mailed) after the answer. Confirmation must
  // be on, and required before signing in, for that to be indistinguishable.
  const generic = config.genericResponses && config.features.confirmable;
  if (generic && !config.loginWithoutConfirmation) {
    await afterTheAnswer("registration", () => createAccountOrNotify({ email: input.email, password, username, generic, locale: input.locale ?? null }, ctx));
    return { ok: true, status: "confirm-sent", email: input.email.trim() };
  }
  return createAccountOrNotify({ email: input.email, password, username, generic, locale: input.locale ?? null }, ctx);
}

/** The look-up and the writes of a registration (see registerUser); input already validated. */
async function createAccountOrNotify(
  input: { email: string; password: string | null; username: string | null; generic: boolean; locale: Locale | null },
  ctx: RequestContext,
): Promise<Result<Registration>> {
  const config = getConfig();
  const { password, username, generic } = input;
  const existing = await findUserByEmail(input.email);
  if (existing) return registrationConflict({ existing, email: input.email, username, generic, ctx });
  if (username && (await findUserByUsername(username))) {
    return registrationConflict({ existing: null, email: input.email, username, generic, ctx });
  }

  const passwordHash = password ? await hashPassword(password) : null;
  const db = await getDb();
  // The account, its first sign-in method, its confirmation link, its event and its welcome
  // email: all or nothing.
  const user = await db.transaction(async (tx) => {
    const created = await createUser({ email: input.email, passwordHash, username, locale: input.locale }, tx);
    if (!created) return null;
    if (!password) await addEmailMethod(created.id, tx);
    let confirmationLink: string | null = null;
    if (config.features.confirmable) {
      const { token } = await issueToken("confirm", created.id, config.within.confirmEmail, { email: created.emailNormalized }, tx);
      confirmationLink = links.confirm(token);
    }
    await recordEvent("user_registered", { userId: created.id, ctx }, tx);
    if (config.emails.sendRegister) {
      const within = humanizeDuration(config.within.confirmEmail);
      await queueEmail("welcome", created.email, { appName: config.appName, email: created.email, confirmationLink, within }, tx);
    }
    return created;
  });
  // Lost a race with a concurrent registration of the same address or username.
  if (!user) return registrationConflict({ existing: await findUserByEmail(input.email), email: input.email, username, generic, ctx, hashed: true });
  if (config.features.confirmable && !config.loginWithoutConfirmation) return { ok: true, status: "confirm-sent", email: user.email };
  // Signed in straight away (confirmation off or not required): through the gate, so two-factor still applies.
  const signedIn = await signInWith(
    { kind: "self-identifying", ipBudget: null, prove: async () => ({ ok: true, user, via: ["register"] }) },
    { remember: false, next: null },
    ctx,
  );
  if (!signedIn.ok) return signedIn;
  return { ok: true, status: "authenticated", user, outcome: signedIn.outcome };
}

async function registrationConflict(input: {
  existing: UserRecord | null;
  email: string;
  username: string | null;
  generic: boolean;
  ctx: RequestContext;
  hashed?: boolean;
}): Promise<Result<Registration>> {
  const { existing, email, username, generic, ctx } = input;
  const config = getConfig();
  if (!generic) {
    return existing
      ? fail("EMAIL_ALREADY_ASSOCIATED", { email: [messageFor("EMAIL_ALREADY_ASSOCIATED")] })
      : fail("USERNAME_ALREADY_ASSOCIATED", { username: [messageFor("USERNAME_ALREADY_ASSOCIATED")] });
  }
  // Spend the hash a real registration would, so timing does not tell the cases apart.
  if (!input.hashed) await hashPassword(email);
  await recordEvent("user_not_registered", {
    userId: existing?.id ?? null,
    ctx,
    data: { existingEmail: Boolean(existing), existingUsername: !existing },
  });
  // Keyed on the normalized address: "Ada@Example.com" and "ada@example.com" share one inbox budget.
  const mailBudget = await consumeRateLimit(RATE_LIMITS.emailsPerAddress, normalizeEmail(email));
  if (mailBudget.ok && (existing || username)) {
    const db = await getDb();
    await db.transaction(async (tx) => {
      if (existing) {
        // An unconfirmed account may be someone else's claim on this address: its owner gets a
        // link that makes it theirs (lib/security/passwords/reset.ts), never one that confirms it.
        const unconfirmed = config.features.confirmable && !existing.confirmedAt;
        await queueEmail(
          "welcome_existing",
          existing.email,
          {
            appName: config.appName,
            email: existing.email,
            username: existing.username,
            resetLink: config.features.recoverable && !unconfirmed ? links.forgotPassword() : null,
            takeOverLink: config.features.recoverable && unconfirmed ? await issueResetLink(existing, tx) : null,
          },
          tx,
        );
      } else if (username) {
        await queueEmail("welcome_existing_username", email.trim(), { appName: config.appName, email: email.trim(), username }, tx);
      }
    });
  }
  return { ok: true, status: "confirm-sent", email: email.trim() };
}
