import "server-only";
import type { Result } from "../core/errors";
import type { RequestContext } from "../core/request-context";
import { changePasswordSchema, emailOnlySchema, resetPasswordSchema } from "../core/schemas";
import { parseInput } from "../core/parse-input";
import type { UserRecord } from "../accounts/users";
import { endCurrentSession, issueSessionCookie } from "../sessions/current";
import type { NewSession, SessionRecord } from "../sessions/store";
import { changePassword } from "./change";
import { requestPasswordReset, resetPassword } from "./reset";

/**
 * The password forms, once for both transports (a page's server action, the JSON API): fields
 * checked by the shared schema, the factor's function called, the cookies written. Each route only
 * shapes the outcome (a redirect and a notice, or Flask-Security's JSON).
 */

/** Change the password: this browser keeps a re-issued session (its cookie is written here); every other one ends. */
export async function changePasswordForm(
  current: { user: UserRecord; session: SessionRecord },
  fields: unknown,
  ctx: RequestContext,
): Promise<Result<{ session: NewSession }>> {
  const parsed = parseInput(changePasswordSchema, fields);
  if (!parsed.ok) return parsed;
  const result = await changePassword(current.user, current.session, parsed.data, ctx);
  if (result.ok) await issueSessionCookie(result.session);
  return result;
}

/** Forgot password: the link goes out, or (generic responses) nothing says whether it did. */
export async function forgotPasswordForm(fields: unknown, ctx: RequestContext): Promise<Result> {
  const parsed = parseInput(emailOnlySchema, fields);
  return parsed.ok ? requestPasswordReset(parsed.data.email, ctx) : parsed;
}

/** The reset link's form: the new password set, and not signed in afterwards (Flask-Security's default). */
export async function resetPasswordForm(token: string, fields: unknown, ctx: RequestContext): Promise<Result<{ email: string; userId: string }>> {
  const parsed = parseInput(resetPasswordSchema, { ...(typeof fields === "object" && fields ? fields : {}), token });
  if (!parsed.ok) return parsed;
  const result = await resetPassword(parsed.data, ctx);
  // Clear any cookie of the now-dead session.
  if (result.ok) await endCurrentSession();
  return result;
}
