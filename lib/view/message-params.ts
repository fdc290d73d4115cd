import "server-only";
import { getConfig, type SecurityConfig } from "@/lib/security/config";
import { humanizeDuration } from "@/lib/security/config/duration";
import { messageFor, type ErrorCode, type MessageParams } from "@/lib/security/core/errors";

/**
 * The lifetime each "expired" message names, as Flask-Security's %(within)s does ("You did not
 * confirm your email within 2 days"): read from the settings, so the words follow the config.
 * WEBAUTHN_EXPIRED is not here: one code covers ceremonies of different lifetimes (decision 051).
 */
const WITHIN: Partial<Record<ErrorCode, (config: SecurityConfig) => number>> = {
  CONFIRMATION_EXPIRED: (c) => c.within.confirmEmail,
  PASSWORD_RESET_EXPIRED: (c) => c.within.resetPassword,
  CHANGE_EMAIL_EXPIRED: (c) => c.within.changeEmail,
  LOGIN_EXPIRED: (c) => c.magicLink.within,
  TWO_FACTOR_SETUP_EXPIRED: (c) => c.twoFactor.setupWithin,
  US_SETUP_EXPIRED: (c) => c.unified.setupWithin,
};

/** The {placeholders} a code's message takes from the settings, if any. */
export function configuredParams(code: ErrorCode): MessageParams | undefined {
  const within = WITHIN[code];
  return within ? { within: humanizeDuration(within(getConfig())) } : undefined;
}

/** A code's reference English with the settings it names filled in, for the JSON API's links to SPA views (decision 063). */
export function configuredMessage(code: ErrorCode): string {
  return messageFor(code, configuredParams(code));
}
