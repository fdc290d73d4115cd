import "server-only";
import { getDb, type Queryable } from "@/lib/db";
import { queueEmail } from "@/lib/outbox/queue";
import { getConfig } from "../config";
import { hashToken } from "../core/crypto";
import { humanizeDuration } from "../config/duration";
import { fail, messageFor, type Result } from "../core/errors";
import { recordEvent } from "../core/events";
import { afterTheAnswer } from "../core/after-the-answer";
import { links } from "../core/links";
import { signInWith, type SignInSuccess } from "./first-factor";
import { consumeRateLimit, RATE_LIMITS } from "../core/rate-limit";
import type { RequestContext } from "../core/request-context";
import { consumeToken, issueToken, peekToken } from "../core/tokens";
import { findUserByEmail, findUserById, type UserRecord } from "../accounts/users";
import { markConfirmed } from "../accounts/confirmation";
import { isLockedByApplication } from "../accounts/application-lock";

/**
 * "passwordless": the classic emailed sign-in link (SECURITY_LOGIN_WITHIN, default 1 day).
 * "code": the link beside an emailed unified sign-in code (valid as long as the code).
 */
export type MagicLinkKind = "passwordless" | "code";

/**
 * Issues a single-use sign-in link. Bound to the asking browser when SECURITY_MAGIC_LINK_SAME_BROWSER
 * is on: the token stores the hash of a random value that only that browser holds in a cookie.
 */
export async function issueMagicLink(
  user: Pick<UserRecord, "id" | "uniquifier" | "emailNormalized">,
  input: { kind: MagicLinkKind; browserNonce: string | null },
  db?: Queryable,
): Promise<string> {
  const config = getConfig();
  const ttl = input.kind === "code" ? config.unified.codeValidity : config.magicLink.within;
  const { token } = await issueToken(
    "magic",
    user.id,
    ttl,
    { kind: input.kind, uniquifier: user.uniquifier, email: user.emailNormalized, browser: input.browserNonce ? hashToken(input.browserNonce) : "" },
    db,
  );
  return links.magic(token);
}

/**
 * `/login/magic`: emails a sign-in link. The answer is the same, in words and in time, whether or
 * not the address is registered (the look-up and the mail happen after it).
 */
export async function requestMagicLink(input: { email: string; browserNonce: string | null }, ctx: RequestContext): Promise<Result> {
  const config = getConfig();
  if (!config.magicLink.enabled) return fail("API_ERROR");
  const ipBudget = await consumeRateLimit(RATE_LIMITS.signInCodesPerIp, ctx.ip);
  if (!ipBudget.ok) return fail("RATE_LIMITED", undefined, ipBudget.retryAfter);
  const send = async (): Promise<Result> => {
    const user = await findUserByEmail(input.email);
    // Flask-Security's refusals, seen only with generic responses off (the answer above is otherwise the same for all).
    if (!user) return fail("USER_DOES_NOT_EXIST", { email: [messageFor("USER_DOES_NOT_EXIST")] });
    if (!user.active) return fail("DISABLED_ACCOUNT", { email: [messageFor("DISABLED_ACCOUNT")] });
    if (await isLockedByApplication(user)) return fail("LOCKED_ACCOUNT", { email: [messageFor("LOCKED_ACCOUNT")] });
    return sendMagicLink(user, input.browserNonce, ctx);
  };
  if (!config.genericResponses) return send();
  await afterTheAnswer("sign-in link request", send);
  return { ok: true };
}

async function sendMagicLink(user: UserRecord, browserNonce: string | null, ctx: RequestContext): Promise<Result> {
  const config = getConfig();
  const budget = await consumeRateLimit(RATE_LIMITS.emailsPerAddress, user.emailNormalized);
  if (!budget.ok) return fail("RATE_LIMITED", undefined, budget.retryAfter);
  // A link bound to no browser would undo SECURITY_MAGIC_LINK_SAME_BROWSER: send none.
  if (config.magicLink.sameBrowser && !browserNonce) return { ok: true };
  const db = await getDb();
  await db.transaction(async (tx) => {
    const loginLink = await issueMagicLink(user, { kind: "passwordless", browserNonce }, tx);
    await queueEmail(
      "login_instructions",
      user.email,
      { appName: config.appName, email: user.email, loginLink, within: humanizeDuration(config.magicLink.within) },
      tx,
    );
    await recordEvent("login_instructions_sent", { userId: user.id, ctx }, tx);
  });
  return { ok: true };
}

/**
 * Opens a sign-in link: single-use, bound to the user's uniquifier (a password reset voids it)
 * and, when configured, to the browser that asked. An expired link sends a fresh one bound to the
 * browser that opened it (`browserNonce`, which the caller creates if needed). It is an email
 * first factor, so two-factor still applies — in this browser's own pending sign-in — and no
 * emailed second factor can finish it.
 */
export async function redeemMagicLink(
  input: { token: string; browserNonce: string | null; deviceCookie?: string },
  ctx: RequestContext,
): Promise<Result<SignInSuccess>> {
  const config = getConfig();
  const peeked = await peekToken("magic", input.token);
  const kind = peeked.status === "valid" || peeked.status === "expired" ? peeked.payload?.kind : undefined;
  // Turning the feature off voids the links already sent.
  const allowed = kind === "code" ? config.unified.enabled : config.magicLink.enabled;
  if (!allowed) return fail("INVALID_LOGIN_TOKEN");
  if (peeked.status === "expired") {
    // A fresh link only for a link that is otherwise still good (same account state, same address).
    const user = await findUserById(peeked.userId ?? "");
    const current = user?.active && user.uniquifier === peeked.payload?.uniquifier && user.emailNormalized === peeked.payload?.email;
    if (user && current && config.magicLink.enabled) await sendMagicLink(user, input.browserNonce, ctx);
    return fail("LOGIN_EXPIRED");
  }
  if (peeked.status !== "valid") return fail("INVALID_LOGIN_TOKEN");
  if (config.magicLink.sameBrowser && peeked.payload.browser && (!input.browserNonce || hashToken(input.browserNonce) !== peeked.payload.browser)) {
    // Not used up: the right browser can still open it.
    return fail("LOGIN_OTHER_BROWSER");
  }
  return signInWith(
    {
      kind: "self-identifying",
      ipBudget: RATE_LIMITS.loginPerIp,
      prove: async () => {
        const used = await consumeToken("magic", input.token);
        if (used.status !== "valid") return fail("INVALID_LOGIN_TOKEN");
        const user = await findUserById(used.userId);
        // Bound to the account's state and address when sent: a reset or an email change voids it.
        if (!user || user.uniquifier !== used.payload.uniquifier || user.emailNormalized !== used.payload.email) return fail("INVALID_LOGIN_TOKEN");
        if (!user.active) return fail("DISABLED_ACCOUNT");
        // Opening the link proves the address: an unconfirmed account is confirmed by it.
        if (!user.confirmedAt) await markConfirmed(user.id, ctx);
        return { ok: true, user: { ...user, confirmedAt: user.confirmedAt ?? new Date() }, via: ["magic-link"] };
      },
    },
    { remember: false, next: null, deviceCookie: input.deviceCookie },
    ctx,
  );
}
