import "server-only";
import { getConfig } from "../config";
import type { RequestContext } from "../core/request-context";
import { isTwoFactorRequired } from "../core/two-factor-required";
import type { Authorization, UserRecord } from "../accounts/users";
import { proveFirstFactor } from "./first-factor";
import { passwordProof } from "./password";
import { readSecondFactorFacts } from "./second-factor";

/** Longer than any identity and password our forms accept (1 kB each), so a huge header is refused unread. */
const BASIC_HEADER_MAX = 4096;

/**
 * HTTP Basic (SECURITY_HTTP_BASIC_AUTH, off by default) on the routes whose rule accepts it: the
 * password goes through the one gate like a sign-in (budget, lock, account state), on every
 * request. Basic has no second step, so an account that would be asked for a second factor is
 * refused rather than let in on one (DESIGN.md principle 9). Basic counts as fresh (Flask-Security).
 */
export async function userFromBasicAuth(header: string | null, ctx: RequestContext): Promise<{ user: UserRecord; authorization: Authorization } | null> {
  if (!getConfig().api.basic.enabled || !header || header.length > BASIC_HEADER_MAX) return null;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 1) return null;
  const proven = await proveFirstFactor(passwordProof(decoded.slice(0, colon), decoded.slice(colon + 1)), ctx);
  if (!proven.ok) return null;
  const facts = await (proven.facts ?? readSecondFactorFacts(proven.user.id));
  const authorization = facts.authorization ?? { roles: [], permissions: [] };
  const twoFactorOn = getConfig().twoFactor.enabled;
  if (twoFactorOn && (facts.methods.length > 0 || isTwoFactorRequired(authorization.roles))) return null;
  return { user: proven.user, authorization };
}
