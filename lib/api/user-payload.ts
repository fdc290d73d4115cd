import "server-only";
import type { AuthnMethod } from "@/lib/security/core/authn-methods";
import type { UserRecord } from "@/lib/security/accounts/users";
import { issueAuthToken } from "@/lib/security/sessions/auth-tokens";

/** The `user` of an answer: the public profile (Flask-Security leaves it to the app; never a hash or the uniquifier). */
export interface UserPayload {
  id: string;
  email: string;
  username: string | null;
  confirmed_at: string | null;
  authentication_token?: string;
  authentication_token_expires_at?: string;
}

export function userPayload(user: UserRecord): UserPayload {
  return { id: user.id, email: user.email, username: user.username, confirmed_at: user.confirmedAt?.toISOString() ?? null };
}

/** The user with a new auth token, when the call asked for one (?include_auth_token on a POST). */
export async function userPayloadWithToken(user: UserRecord, proof: { authnVia: AuthnMethod[]; authenticatedAt: Date } | null): Promise<UserPayload> {
  const payload = userPayload(user);
  if (!proof) return payload;
  const issued = await issueAuthToken(user, proof);
  return { ...payload, authentication_token: issued.token, authentication_token_expires_at: issued.expiresAt.toISOString() };
}
