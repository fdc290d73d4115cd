import "server-only";
import { getConfig } from "../config";
import { afterTheAnswer } from "../core/after-the-answer";
import { fail, messageFor, type Failure, type Result } from "../core/errors";
import { consumeRateLimit, RATE_LIMITS } from "../core/rate-limit";
import type { RateLimitPolicy } from "../core/rate-limit-policies";
import type { RequestContext } from "../core/request-context";
import { isLockedByApplication } from "./application-lock";
import { validateEmail } from "./identity";
import { findUserByEmail, type UserRecord } from "./users";

/**
 * An anonymous "email me …" form (a reset link, a confirmation link, a username): the feature's
 * switch, a per-IP budget, a well-formed address, then the look-up and the mail (`send`). Under
 * generic responses the answer is the same, in words and in time, for every well-formed address:
 * `send` runs after it.
 */
export async function answerEmailRequest(
  request: { flow: string; enabled: boolean; budget: RateLimitPolicy },
  email: string,
  ctx: RequestContext,
  send: () => Promise<Result>,
): Promise<Result> {
  if (!request.enabled) return fail("API_ERROR");
  const limited = await consumeRateLimit(request.budget, ctx.ip);
  if (!limited.ok) return fail("RATE_LIMITED", undefined, limited.retryAfter);
  const emailError = validateEmail(email);
  if (emailError) return fail(emailError, { email: [messageFor(emailError)] });
  if (!getConfig().genericResponses) return send();
  await afterTheAnswer(request.flow, send);
  return { ok: true };
}

/**
 * The account an emailed answer (a reset link, a recovered username) may go to, or Flask-Security's
 * refusal for it: unknown, disabled, locked by the application (decision 056), or unconfirmed while
 * confirmation is on. Counts the mail
 * against the address's budget, so the form cannot flood someone's inbox.
 */
export async function findMailableAccount(email: string): Promise<{ ok: true; user: UserRecord } | Failure> {
  const user = await findUserByEmail(email);
  const refusal = !user
    ? "USER_DOES_NOT_EXIST"
    : !user.active
      ? "DISABLED_ACCOUNT"
      : (await isLockedByApplication(user))
        ? "LOCKED_ACCOUNT"
        : getConfig().features.confirmable && !user.confirmedAt
          ? "CONFIRMATION_REQUIRED"
          : null;
  if (!user || refusal) {
    const code = refusal ?? "USER_DOES_NOT_EXIST";
    return fail(code, { email: [messageFor(code)] });
  }
  const mailBudget = await consumeRateLimit(RATE_LIMITS.emailsPerAddress, user.emailNormalized);
  if (!mailBudget.ok) return fail("RATE_LIMITED", undefined, mailBudget.retryAfter);
  return { ok: true, user };
}
