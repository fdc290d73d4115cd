import "server-only";
import { recordEvent } from "../core/events";
import type { RequestContext } from "../core/request-context";
import { revokeAuthToken } from "./auth-tokens";
import { clearCsrfCookie } from "./cookies";
import { endCurrentSession } from "./current";

/**
 * Signing out, for the page's action and POST /api/security/logout: the session (row and
 * cookie) ends, and so does the auth token the call was made with, if any; the readable CSRF
 * cookie, when configured, goes too (its token was the ended session's).
 */
export async function signOut(ctx: RequestContext, options: { authToken?: { value: string; userId: string } } = {}): Promise<void> {
  const sessionUser = await endCurrentSession();
  await clearCsrfCookie();
  if (options.authToken) await revokeAuthToken(options.authToken.value);
  const userId = sessionUser ?? options.authToken?.userId;
  if (userId) await recordEvent("user_unauthenticated", { userId, ctx });
}
