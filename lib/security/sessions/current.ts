import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { setRequestUser } from "@/lib/observability/request-log";
import { requestContextFrom, type RequestContext } from "../core/request-context";
import { sessionNeedsStepUp } from "../core/two-factor-required";
import type { UserRecord, Authorization } from "../accounts/users";
import { getIssuer, sessionGrant } from "./issuer";
import { deleteSession, findActiveSession, type NewSession, type SessionRecord } from "./store";
import { setLocaleCookie } from "@/lib/i18n/cookie";
import { isLocale } from "@/lib/i18n/locales";
import { sessionCookieName, sessionCookieOptions, setKnownDeviceCookie } from "./cookies";

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
  // An impersonated session is no sign-in of the user's factors to step up (decision 042).
  const stepUpRequired = !active.session.impersonatorId && sessionNeedsStepUp(active.authorization.roles, active.session.authnVia);
  setRequestUser(active.user.id);
  return { ...active, token, stepUpRequired };
});

/** Who is asking, with the administrator behind a view-as session as the actor of what it writes (decision 058). */
export async function currentRequestContext(): Promise<RequestContext> {
  const ctx = requestContextFrom(await headers());
  return { ...ctx, actorId: (await getSession())?.session.impersonatorId ?? null };
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
  if (session.knownDevice) await setKnownDeviceCookie(session.knownDevice);
  // The pages follow the language the user chose, on this browser too, from the next request on.
  if (isLocale(session.locale)) await setLocaleCookie(session.locale);
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
