import { getConfig } from "../config";
import { isMultiFactor } from "./authn-methods";

/** Global switch or one of the user's roles (SECURITY_TWO_FACTOR_REQUIRED[_ROLES]). */
export function isTwoFactorRequired(roles: readonly string[]): boolean {
  const { enabled, required, requiredRoles } = getConfig().twoFactor;
  return enabled && (required || roles.some((r) => requiredRoles.includes(r)));
}

/** Two-factor is required of this user now, and the session was signed in with one factor. */
export function sessionNeedsStepUp(roles: readonly string[], authnVia: readonly string[]): boolean {
  return isTwoFactorRequired(roles) && !isMultiFactor(authnVia);
}
