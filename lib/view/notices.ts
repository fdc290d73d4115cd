import { getConfig } from "@/lib/security/config";
import type { Locale } from "@/lib/i18n/locales";
import type { ErrorCode, MessageParams } from "@/lib/security/core/errors";
import { configuredParams } from "./message-params";
import { textFor } from "./text";

/**
 * Flash messages carried across a redirect as `?notice=KEY`. Only these keys render, so a
 * crafted link cannot put arbitrary text on our pages.
 */
const NOTICE_TONES: Partial<Record<ErrorCode, "success" | "info" | "error">> = {
  LOGGED_OUT: "info",
  ROLE_DELETED: "success",
  RESCUE_REQUEST_RESET: "success",
  RESCUE_REQUEST_DISMISSED: "success",
  IMPERSONATION_ENDED: "success",
  EMAIL_CONFIRMED: "success",
  ALREADY_CONFIRMED: "info",
  CONFIRM_REGISTRATION: "info",
  INVALID_CONFIRMATION_TOKEN: "error",
  CONFIRMATION_EXPIRED: "error",
  PASSWORD_RESET_NO_LOGIN: "success",
  INVALID_RESET_PASSWORD_TOKEN: "error",
  PASSWORD_RESET_EXPIRED: "error",
  PASSWORD_CHANGE: "success",
  REAUTHENTICATION_SUCCESSFUL: "success",
  REAUTHENTICATION_REQUIRED: "info",
  SESSION_REVOKED: "success",
  TOKEN_REVOKED: "success",
  TOKEN_NOT_FOUND: "error",
  TWO_FACTOR_ENABLED: "success",
  TWO_FACTOR_CHANGE_METHOD_SUCCESSFUL: "success",
  TWO_FACTOR_DISABLED: "success",
  TWO_FACTOR_PERMISSION_DENIED: "error",
  TWO_FACTOR_RESCUE_SENT: "success",
  US_SETUP_SUCCESSFUL: "success",
  US_METHOD_REMOVED: "success",
  LOGIN_EMAIL_SENT: "info",
  INVALID_LOGIN_TOKEN: "error",
  LOGIN_EXPIRED: "error",
  LOGIN_OTHER_BROWSER: "error",
  PASSWORD_SET: "success",
  WEBAUTHN_REGISTER_SUCCESSFUL: "success",
  WEBAUTHN_CREDENTIAL_DELETED: "success",
  WEBAUTHN_CREDENTIAL_RENAMED: "success",
  // Sign-in failures, for the form posted before its JavaScript loaded (POST /login/session).
  GENERIC_AUTHN_FAILED: "error",
  INVALID_PASSWORD: "error",
  INVALID_PASSWORD_CODE: "error",
  USER_DOES_NOT_EXIST: "error",
  US_SPECIFY_IDENTITY: "error",
  PASSWORD_NOT_PROVIDED: "error",
  INVALID_INPUT: "error",
  DISABLED_ACCOUNT: "error",
  CONFIRMATION_REQUIRED: "error",
  ACCOUNT_LOCKED: "error",
  LOCKED_ACCOUNT: "error",
  UNLOCK_SUCCESSFUL: "success",
  INVALID_UNLOCK_TOKEN: "error",
  UNLOCK_EXPIRED: "error",
  TWO_FACTOR_ATTEMPTS_EXCEEDED: "error",
  TWO_FACTOR_STEP_UP_REQUIRED: "info",
  FAILED_TO_SEND_CODE: "error",
  RATE_LIMITED: "error",
  CHANGE_EMAIL_CONFIRMED: "success",
  CHANGE_EMAIL_CANCELLED: "success",
  CHANGE_EMAIL_EXPIRED: "error",
  INVALID_CHANGE_EMAIL_TOKEN: "error",
  EMAIL_ALREADY_ASSOCIATED: "error",
  USERNAME_CHANGE: "success",
  USERNAME_REMOVED: "success",
  USERNAME_RECOVERY_REQUEST: "info",
  ACCOUNT_DELETED: "info",
  IDENTITY_NOT_REGISTERED: "error",
  OAUTH_HANDSHAKE_ERROR: "error",
  OAUTH_CANCELLED: "info",
  OAUTH_NOT_AVAILABLE: "error",
  OAUTH_IDENTITY_IN_USE: "error",
  OAUTH_PROVIDER_ALREADY_LINKED: "error",
  OAUTH_NOT_LINKED_IDENTITY: "error",
  OAUTH_LAST_SIGN_IN_METHOD: "error",
  OAUTH_LINKED: "success",
  OAUTH_UNLINKED: "success",
  IMPERSONATION_FRESHNESS_REFUSED: "error",
};

export interface Notice {
  code: ErrorCode;
  tone: "success" | "info" | "error";
  message: string;
}

/** `provider` (?provider=<id>) names a configured sign-in provider; any other value names none. */
export function noticeFrom(value: string | string[] | undefined, provider?: string | string[], locale: Locale = "en"): Notice | null {
  const code = Array.isArray(value) ? value[0] : value;
  if (!code || !Object.hasOwn(NOTICE_TONES, code)) return null;
  const key = code as ErrorCode;
  return { code: key, tone: NOTICE_TONES[key] ?? "info", message: textFor(key, paramsFor(key, firstParam(provider)), locale) };
}

/** The settings a notice's words name (a link's lifetime, a provider's name). */
function paramsFor(code: ErrorCode, provider: string | undefined): MessageParams | undefined {
  if (!code.startsWith("OAUTH_") && code !== "IDENTITY_NOT_REGISTERED") return configuredParams(code);
  return { provider: getConfig().oauth.providers.find((p) => p.id === provider)?.name ?? "provider" };
}

/** Next 16 passes searchParams as a Promise of string | string[] values. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
