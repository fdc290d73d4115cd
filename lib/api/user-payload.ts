import "server-only";
import { getConfig } from "@/lib/security/config";
import type { AuthnMethod } from "@/lib/security/core/authn-methods";
import type { UserRecord } from "@/lib/security/accounts/users";
import { setRefreshTokenCookie } from "@/lib/security/sessions/cookies";
import { issueTokenPair, type TokenPair } from "@/lib/security/sessions/refresh-tokens";

/** The `user` of an answer: the public profile (Flask-Security leaves it to the app; never a hash or the uniquifier). */
export interface UserPayload {
  id: string;
  email: string;
  username: string | null;
  confirmed_at: string | null;
  authentication_token?: string;
  authentication_token_expires_at?: string;
  refresh_token?: string;
  refresh_token_expires_at?: string;
}

export function userPayload(user: UserRecord): UserPayload {
  return { id: user.id, email: user.email, username: user.username, confirmed_at: user.confirmedAt?.toISOString() ?? null };
}

/**
 * The user with their new credentials: the auth token, and the refresh token in the body (as
 * Flask-Security's `user.refresh_token`) or, in cookie mode, in its cookie and not in the JSON.
 */
export async function userPayloadWithTokens(user: UserRecord, pair: TokenPair): Promise<UserPayload> {
  const payload: UserPayload = {
    ...userPayload(user),
    authentication_token: pair.authToken.token,
    authentication_token_expires_at: pair.authToken.expiresAt.toISOString(),
  };
  if (!pair.refreshToken) return payload;
  const cookie = getConfig().api.refresh.cookie;
  if (cookie) {
    await setRefreshTokenCookie(cookie, pair.refreshToken.token, pair.refreshToken.expiresAt);
    return payload;
  }
  return { ...payload, refresh_token: pair.refreshToken.token, refresh_token_expires_at: pair.refreshToken.expiresAt.toISOString() };
}

/** The user with a new auth token (and refresh token), when the call asked for one (?include_auth_token on a POST). */
export async function userPayloadWithToken(user: UserRecord, proof: { authnVia: AuthnMethod[]; authenticatedAt: Date } | null): Promise<UserPayload> {
  if (!proof) return userPayload(user);
  return userPayloadWithTokens(user, await issueTokenPair(user, proof));
}
