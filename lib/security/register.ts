import "server-only";
import { getDb } from "@/lib/db";
import { sendEmail } from "@/lib/mail";
import { getConfig } from "./config";
import { humanizeDuration } from "./duration";
import { fail, messageFor, type FieldErrors, type Result } from "./errors";
import { recordEvent } from "./events";
import { validateEmail, validateUsername } from "./identity";
import { links } from "./links";
import { hashPassword } from "./password";
import { checkPasswordPolicy } from "./password-policy";
import { consumeRateLimit, RATE_LIMITS } from "./rate-limit";
import type { RequestContext } from "./request-context";
import { afterFirstFactor, type FirstFactorOutcome } from "./second-factor";
import { issueToken } from "./tokens";
import { addEmailMethod } from "./unified/methods";
import { createUser, findUserByEmail, findUserByUsername, type UserRecord } from "./users";

export interface RegisterInput {
  email: string;
  /** Empty or absent only when SECURITY_PASSWORD_REQUIRED=false. */
  password?: string | null;
  username?: string | null;
}

/**
 * "confirm-sent": check your inbox (also what an existing address sees under generic responses).
 * "authenticated": confirmation is off or not required to sign in; `outcome` says whether a
 * session was started or a second factor is needed.
 */
export type Registration =
  | { status: "confirm-sent"; email: string }
  | { status: "authenticated"; user: UserRecord; outcome: FirstFactorOutcome };

export async function registerUser(input: RegisterInput, ctx: RequestContext): Promise<Result<Registration>> {
  const config = getConfig();
  if (!config.features.registerable) return fail("API_ERROR");
  const limited = await consumeRateLimit(RATE_LIMITS.registerPerIp, ctx.ip);
  if (!limited.ok) return fail("RATE_LIMITED", undefined, limited.retryAfter);

  const username = config.username.enabled ? input.username?.trim() || null : null;
  const fieldErrors: FieldErrors = {};
  const emailError = validateEmail(input.email);
  if (emailError) fieldErrors.email = [messageFor(emailError)];
  if (config.username.required && !username) fieldErrors.username = [messageFor("USERNAME_NOT_PROVIDED")];
  const usernameError = username ? validateUsername(username) : null;
  if (usernameError) fieldErrors.username = [messageFor(usernameError)];
  // Password-less accounts (SECURITY_PASSWORD_REQUIRED=false) sign in by emailed code or link.
  const password = input.password || null;
  if (!password && config.passwordRequired) fieldErrors.password = [messageFor("PASSWORD_NOT_PROVIDED")];
  const passwordError = password ? await checkPasswordPolicy(password, { email: input.email, username }) : null;
  if (passwordError) fieldErrors.password = [messageFor(passwordError)];
  if (Object.keys(fieldErrors).length) return fail("INVALID_INPUT", fieldErrors);

  // Generic responses (on by default): an existing address looks exactly like a new one; its
  // owner gets an email instead. Confirmation must be on for that to be indistinguishable.
  const generic = config.genericResponses && config.features.confirmable;
  const existing = await findUserByEmail(input.email);
  if (existing) return registrationConflict({ existing, email: input.email, username, generic, ctx });
  if (username && (await findUserByUsername(username))) {
    return registrationConflict({ existing: null, email: input.email, username, generic, ctx });
  }

  const user = await createUser({ email: input.email, password, username });
  // Lost a race with a concurrent registration of the same address or username.
  if (!user) return registrationConflict({ existing: await findUserByEmail(input.email), email: input.email, username, generic, ctx, hashed: true });
  if (!password) await addEmailMethod(user.id, await getDb());

  let confirmationLink: string | null = null;
  if (config.features.confirmable) {
    const { token } = await issueToken("confirm", user.id, config.within.confirmEmail, { email: user.emailNormalized });
    confirmationLink = links.confirm(token);
  }
  await recordEvent("user_registered", { userId: user.id, ctx });
  if (config.emails.sendRegister) {
    await sendEmail("welcome", user.email, {
      appName: config.appName,
      email: user.email,
      confirmationLink,
      within: humanizeDuration(config.within.confirmEmail),
    });
  }
  if (config.features.confirmable && !config.loginWithoutConfirmation) return { ok: true, status: "confirm-sent", email: user.email };
  // Signed in straight away (confirmation off or not required): still subject to two-factor.
  const outcome = await afterFirstFactor(user, { authnVia: ["register"], remember: false, next: null, ctx });
  if (!outcome.ok) return outcome;
  return { ok: true, status: "authenticated", user, outcome };
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
  const mailBudget = await consumeRateLimit(RATE_LIMITS.emailsPerAddress, email);
  if (mailBudget.ok) {
    if (existing) {
      let confirmationLink: string | null = null;
      if (config.features.confirmable && !existing.confirmedAt) {
        const { token } = await issueToken("confirm", existing.id, config.within.confirmEmail, { email: existing.emailNormalized });
        confirmationLink = links.confirm(token);
      }
      await sendEmail("welcome_existing", existing.email, {
        appName: config.appName,
        email: existing.email,
        username: existing.username,
        resetLink: config.features.recoverable ? links.forgotPassword() : null,
        confirmationLink,
      });
    } else if (username) {
      await sendEmail("welcome_existing_username", email.trim(), { appName: config.appName, email: email.trim(), username });
    }
  }
  return { ok: true, status: "confirm-sent", email: email.trim() };
}
