import "server-only";
import { getConfig } from "../config";
import { hashToken, randomToken } from "../core/crypto";
import type { AuthnMethod } from "../core/authn-methods";
import type { RequestContext } from "../core/request-context";
import type { UserRecord } from "../accounts/users";

export interface NewSession {
  token: string;
  userId: string;
  expiresAt: Date;
  remember: boolean;
  /** The known-device cookie's value to set with the session (the new-device alert, decision 038). */
  knownDevice?: string;
  /** The language the user chose (users.locale, when chosen): the language cookie carries it to proxy.ts. */
  locale?: string | null;
}

export type SessionRow = {
  tokenHash: string;
  userId: string;
  uniquifier: string;
  expiresAt: Date;
  authenticatedAt: Date;
  authnVia: AuthnMethod[];
  remember: boolean;
  ip: string | null;
  userAgent: string | null;
};

/** A new session's row and the token its cookie carries (only the row's hash is stored). */
export function newSessionRow(
  user: Pick<UserRecord, "id" | "uniquifier"> & { locale?: string | null; localeChosen?: boolean },
  options: { authnVia: AuthnMethod[]; remember: boolean; ctx: RequestContext },
): { row: SessionRow; session: NewSession } {
  const { lifetime, rememberLifetime } = getConfig().session;
  const token = randomToken();
  const expiresAt = new Date(Date.now() + (options.remember ? rememberLifetime : lifetime) * 1000);
  const row = {
    tokenHash: hashToken(token),
    userId: user.id,
    uniquifier: user.uniquifier,
    expiresAt,
    authenticatedAt: new Date(),
    authnVia: options.authnVia,
    remember: options.remember,
    ip: options.ctx.ip,
    userAgent: options.ctx.userAgent,
  };
  return { row, session: { token, userId: user.id, expiresAt, remember: options.remember, locale: user.localeChosen ? (user.locale ?? null) : null } };
}
