import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getConfig } from "../config";
import { randomToken } from "../core/crypto";
import { PATH_HEADER } from "../core/path-header";
import { getIssuer, sessionGrant } from "./issuer";
import { loginUrlFor, postLoginRedirect, safeRedirectPath } from "../core/redirects";
import { rememberDeviceValue } from "../sign-in/remember-device";
import { sessionNeedsStepUp, type FirstFactorOutcome, type SecondFactorSuccess } from "../sign-in/second-factor";
import { requestContextFrom, type RequestContext } from "../core/request-context";
import { deleteSession, findActiveSession, freshness, openGrace, type NewSession, type SessionRecord } from "./store";
import { sessionCookieName, sessionCookieOptions } from "./cookies";
import type { Authorization, UserRecord } from "../accounts/users";


export interface CurrentSession {
  user: UserRecord;
  session: SessionRecord;
  authorization: Authorization;
  token: string;
  /**
   * Two-factor is now required of this user (a role given mid-session, or the global switch)
   * and this session was signed in with one factor: every guard sends it to finish a second
   * factor first (`/login/two-factor/required`).
   */
  stepUpRequired: boolean;
}

/** The signed-in user for this request, or null. One indexed query, memoised per request. */
export const getSession = cache(async (): Promise<CurrentSession | null> => {
  const token = (await cookies()).get(sessionCookieName())?.value;
  if (!token) return null;
  const active = await findActiveSession(token);
  if (!active) return null;
  const stepUpRequired = sessionNeedsStepUp(active.authorization.roles, active.session.authnVia);
  return { ...active, token, stepUpRequired };
});

/** Where a session that must add a second factor goes (see CurrentSession.stepUpRequired). */
export const STEP_UP_URL = "/login/two-factor/required";

export interface Requirements {
  /** All of these roles (roles_required). */
  roles?: string[];
  /** All of these permissions (permissions_required). */
  permissions?: string[];
  /** Re-authentication within this many seconds; `true` = the configured FRESHNESS. */
  fresh?: boolean | number;
}

/**
 * The guard every signed-in page, action and route re-checks (proxy.ts is never the only gate):
 * anonymous → /login?next=…, missing role/permission → 403, stale → /verify?next=….
 */
export async function requireUser(requirements: Requirements = {}): Promise<CurrentSession> {
  const current = await getSession();
  const here = await currentPath();
  if (!current) redirect(loginUrlFor(here));
  if (current.stepUpRequired) redirect(here ? `${STEP_UP_URL}?next=${encodeURIComponent(here)}` : STEP_UP_URL);
  const { authorization } = current;
  const missingRole = requirements.roles?.some((r) => !authorization.roles.includes(r));
  const missingPermission = requirements.permissions?.some((p) => !authorization.permissions.includes(p));
  if (missingRole || missingPermission) forbidden();
  if (requirements.fresh) {
    const within = typeof requirements.fresh === "number" ? requirements.fresh : undefined;
    const state = freshness(current.session, within);
    if (state === "stale") redirect(here ? `/verify?next=${encodeURIComponent(here)}` : "/verify");
    if (state === "fresh") await openGrace(current.session);
  }
  return current;
}

/** Anonymous-only pages: a signed-in visitor goes to the post-login view (ignoring `next`, as the reference does, to avoid loops). */
export async function requireAnonymous(): Promise<void> {
  if (await getSession()) redirect(getConfig().views.postLogin);
}

export async function currentRequestContext(): Promise<RequestContext> {
  return requestContextFrom(await headers());
}

async function currentPath(): Promise<string | null> {
  return safeRedirectPath((await headers()).get(PATH_HEADER));
}

/**
 * Writes the cookie for a session the core created, through next-auth (the issuer). Without
 * remember-me the cookie is a browser-session cookie; the row's expiry is the real limit.
 */
export async function issueSessionCookie(session: NewSession): Promise<void> {
  await getIssuer().signIn("session-grant", { grant: sessionGrant(session.token, session.userId), redirect: false });
  const jar = await cookies();
  jar.set(sessionCookieName(), session.token, {
    ...sessionCookieOptions(),
    ...(session.remember ? { expires: session.expiresAt } : {}),
  });
}

/** Ends the current session: the row (via the issuer's signOut event, and directly) and the cookie. */
export async function endCurrentSession(): Promise<string | null> {
  const jar = await cookies();
  const token = jar.get(sessionCookieName())?.value;
  await getIssuer().signOut({ redirect: false });
  const userId = token ? await deleteSession(token) : null;
  // __Host- cookies are only replaced when the attributes match, so expire it with the same flags.
  jar.set(sessionCookieName(), "", { ...sessionCookieOptions(), maxAge: 0 });
  return userId;
}

/** Cookie that binds emailed sign-in links to the browser that asked for them. */
function magicCookieName(): string {
  return getConfig().secureCookies ? "__Host-gatehouse.magic" : "gatehouse.magic";
}

/**
 * This browser's random value for binding sign-in links (created on first use, kept for the
 * link's lifetime). Null when links are not bound (SECURITY_MAGIC_LINK_SAME_BROWSER=false).
 */
export async function magicLinkBrowserNonce(): Promise<string | null> {
  const config = getConfig();
  if (!config.magicLink.sameBrowser) return null;
  const jar = await cookies();
  const existing = jar.get(magicCookieName())?.value;
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const nonce = randomToken();
  jar.set(magicCookieName(), nonce, { ...sessionCookieOptions(), maxAge: Math.max(config.magicLink.within, config.unified.codeValidity) });
  return nonce;
}

/** Cookie of the pending (half-finished) two-factor sign-in. */
function pendingCookieName(): string {
  return getConfig().secureCookies ? "__Host-gatehouse.pending" : "gatehouse.pending";
}

/** Cookie that remembers a device passed the second factor (only when ALWAYS_VALIDATE is off). */
function deviceCookieName(): string {
  return getConfig().secureCookies ? "__Host-gatehouse.device" : "gatehouse.device";
}

export async function setPendingLoginCookie(token: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(pendingCookieName(), token, { ...sessionCookieOptions(), expires: expiresAt });
}

export async function pendingLoginToken(): Promise<string | undefined> {
  return (await cookies()).get(pendingCookieName())?.value;
}

export async function clearPendingLoginCookie(): Promise<void> {
  (await cookies()).set(pendingCookieName(), "", { ...sessionCookieOptions(), maxAge: 0 });
}

export async function rememberedDeviceCookie(): Promise<string | undefined> {
  return (await cookies()).get(deviceCookieName())?.value;
}

export async function setRememberedDeviceCookie(user: Pick<UserRecord, "id" | "uniquifier">): Promise<void> {
  const { value, expires } = rememberDeviceValue(user);
  // SameSite=Strict: it only ever matters on our own sign-in form.
  (await cookies()).set(deviceCookieName(), value, { ...sessionCookieOptions(), sameSite: "strict", expires });
}

/**
 * Turns a first-factor outcome into cookies and the next URL: a session (go to `next`) or a
 * pending login (go to the second-factor page).
 */
export async function continueAfterFirstFactor(outcome: FirstFactorOutcome, next: string): Promise<string> {
  if (outcome.status === "signed-in") {
    // A half-finished earlier sign-in in this browser is over.
    if (await pendingLoginToken()) await clearPendingLoginCookie();
    await issueSessionCookie(outcome.session);
    return next;
  }
  await setPendingLoginCookie(outcome.pendingToken, outcome.expiresAt);
  return secondFactorUrl(outcome.state, outcome.method);
}

/** The page that asks for a pending login's second factor. */
export function secondFactorUrl(state: string, method: string | null): string {
  if (state === "setup") return "/login/two-factor/setup";
  if (state === "select") return "/login/two-factor/select";
  return method === "passkey" ? "/login/two-factor/passkey" : "/login/two-factor";
}

/** A completed second factor: session cookie, optional remembered device, pending cookie gone. */
export async function finishSecondFactor(done: SecondFactorSuccess): Promise<string> {
  await clearPendingLoginCookie();
  await issueSessionCookie(done.session);
  if (done.rememberDevice) await setRememberedDeviceCookie(done.rememberDevice);
  return postLoginRedirect(done.next);
}
