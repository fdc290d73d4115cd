import "server-only";
import { getConfig } from "../config";
import type { AuthnMethod } from "../core/authn-methods";
import type { Failure } from "../core/errors";
import { RATE_LIMITS } from "../core/rate-limit";
import { postLoginRedirect } from "../core/redirects";
import type { RequestContext } from "../core/request-context";
import { confirmEmail } from "../accounts/confirmation";
import { findUserById, type UserRecord } from "../accounts/users";
import { resetPasswordForm } from "../passwords/forms";
import { getSession } from "../sessions/current";
import { signInWith } from "./first-factor";
import { settleSignIn, type LoginOutcome } from "./login";

/**
 * SECURITY_AUTO_LOGIN_AFTER_CONFIRM and SECURITY_AUTO_LOGIN_AFTER_RESET (decision 055): a used
 * confirmation link, or a finished reset, is a first factor like any other — the emailed link
 * proved the inbox — so it goes through the one gate (first-factor.ts): disabled, the
 * application's lock and the failed-attempt lock refuse it, and two-factor leaves it pending.
 * The link is the email channel, and `authn_via` says which link it was, so no emailed code can
 * be its second step. Both switches are off by default, as in Flask-Security.
 */

/** `signIn` is null when nothing signs in: the switch is off, or this browser already holds another session. */
export type EmailLinkOutcome<T> = Failure | ({ ok: true; signIn: LoginOutcome | null } & T);

/**
 * Confirms the address from its link, then (SECURITY_AUTO_LOGIN_AFTER_CONFIRM) signs in to the
 * account. A browser already signed in keeps its session: the link never swaps one account for another.
 */
export async function confirmWithLink(token: string, ctx: RequestContext): Promise<EmailLinkOutcome<{ user: UserRecord }>> {
  const current = await getSession();
  const confirmed = await confirmEmail(token, ctx);
  if (!confirmed.ok) return confirmed;
  if (!getConfig().autoLogin.afterConfirm || current) return { ...confirmed, signIn: null };
  return { ...confirmed, signIn: await signInFromLink(confirmed.user, "confirm-link", ctx) };
}

/**
 * Sets the new password from the reset link, then (SECURITY_AUTO_LOGIN_AFTER_RESET) signs in.
 * The reset ended every session of the account, this browser's too; a session of another
 * account in this browser is left alone and nothing signs in.
 */
export async function resetWithLink(token: string, fields: unknown, ctx: RequestContext): Promise<EmailLinkOutcome<{ email: string }>> {
  const current = await getSession();
  const reset = await resetPasswordForm(token, fields, ctx);
  if (!reset.ok) return reset;
  const { email, userId } = reset;
  if (!getConfig().autoLogin.afterReset || (current && current.user.id !== userId)) return { ok: true, email, signIn: null };
  // Read again: the reset rotated the uniquifier the new session is bound to.
  const user = await findUserById(userId);
  return { ok: true, email, signIn: user ? await signInFromLink(user, "reset-password", ctx) : null };
}

/**
 * The gate with the link as the proof. Never remembered, and no "remember this device" cookie
 * is honoured: a link from a mailbox never skips the second step (decision 055).
 */
async function signInFromLink(user: UserRecord, via: AuthnMethod, ctx: RequestContext): Promise<LoginOutcome> {
  const proof = { kind: "self-identifying" as const, ipBudget: RATE_LIMITS.loginPerIp, prove: async () => ({ ok: true as const, user, via: [via] }) };
  const next = postLoginRedirect(null);
  return settleSignIn(await signInWith(proof, { remember: false, next: null }, ctx), undefined, next);
}
