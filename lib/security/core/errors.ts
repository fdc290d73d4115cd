/**
 * Stable error codes (Flask-Security's message keys) and their user-facing text, in one place.
 * Core functions return these as values; adapters map them to form state, redirects or JSON.
 */
export const MESSAGES = {
  USER_DOES_NOT_EXIST: "Specified user does not exist",
  INVALID_PASSWORD: "Invalid password",
  PASSWORD_NOT_PROVIDED: "Password not provided",
  EMAIL_NOT_PROVIDED: "Email not provided",
  INVALID_EMAIL_ADDRESS: "Invalid email address",
  DISABLED_ACCOUNT: "Account is disabled.",
  CONFIRMATION_REQUIRED: "Email requires confirmation.",
  GENERIC_AUTHN_FAILED: "Authentication failed - identity or password/passcode invalid",
  UNAUTHENTICATED: "You must sign in to view this resource.",
  UNAUTHORIZED: "You do not have permission to view this resource.",
  ANONYMOUS_USER_REQUIRED: "You can only access this endpoint when not logged in.",
  INVALID_REDIRECT: "Redirections outside the domain are forbidden",
  API_ERROR: "Input not appropriate for requested API",
  INVALID_INPUT: "Value entered is not valid for the field",
  // Flask-Security says "less than %(length)"; a name of exactly that length is accepted there and here.
  INVALID_INPUT_LENGTH: "Value entered must be at most {length} characters",
  REAUTHENTICATION_REQUIRED: "You must reauthenticate to access this endpoint",
  REAUTHENTICATION_SUCCESSFUL: "Reauthentication successful",
  EMAIL_ALREADY_ASSOCIATED: "This email is already associated with an account.",
  RETYPE_PASSWORD_MISMATCH: "Passwords do not match",
  PASSWORD_INVALID_LENGTH: "Password must be between {min} and {max} characters",
  PASSWORD_TOO_SIMPLE: "Password not complex enough",
  PASSWORD_TOO_COMMON: "This password is too common. Choose one that is harder to guess.",
  PASSWORD_BREACHED: "Password on breached list",
  PASSWORD_BREACHED_SITE_ERROR: "Could not check the password against the breached list. Please try again.",
  CONFIRM_REGISTRATION: "Thank you. To confirm your email address, please click on the link in the email we have just sent to you.",
  CONFIRMATION_REQUEST: "If that email address is registered and unconfirmed, confirmation instructions have been sent to it.",
  EMAIL_CONFIRMED: "Thank you. Your email has been confirmed.",
  ALREADY_CONFIRMED: "Your email has already been confirmed.",
  INVALID_CONFIRMATION_TOKEN: "Invalid confirmation token.",
  CONFIRMATION_EXPIRED: "You did not confirm your email within {within}. Request a new link below.",
  PASSWORD_RESET_REQUEST: "If that email address is registered, instructions to reset your password have been sent to it.",
  INVALID_RESET_PASSWORD_TOKEN: "Invalid reset password token.",
  PASSWORD_RESET_EXPIRED: "You did not reset your password within {within}. Request a new link below.",
  PASSWORD_RESET_NO_LOGIN: "You successfully reset your password. Please authenticate using your new password.",
  PASSWORD_IS_THE_SAME: "Your new password must be different than your previous password.",
  PASSWORD_CHANGE: "You successfully changed your password.",
  USERNAME_INVALID_LENGTH: "Username must be at least {min} characters and no more than {max} characters",
  USERNAME_ILLEGAL_CHARACTERS: "Username contains illegal characters",
  USERNAME_DISALLOWED_CHARACTERS: "Username can contain only letters and numbers",
  USERNAME_NOT_PROVIDED: "Username not provided",
  USERNAME_ALREADY_ASSOCIATED: "This username is already associated with an account.",
  USERNAME_CHANGE: "You successfully changed your username",
  USERNAME_REMOVED: "Your username was removed. Sign in with your email address.",
  USERNAME_IS_THE_SAME: "That is already your username.",
  USERNAME_RECOVERY_REQUEST: "If registered, your username will be sent to your email.",
  CHANGE_EMAIL_SENT: "Instructions to confirm your new email address have been sent to {email}.",
  CHANGE_EMAIL_CONFIRMED: "Change of email address confirmed",
  CHANGE_EMAIL_EXPIRED: "Confirmation must be completed within {within}. Please start over.",
  CHANGE_EMAIL_CANCELLED: "The email address change was cancelled. Your account keeps its current address.",
  INVALID_CHANGE_EMAIL_TOKEN: "That email change link is not valid (it may have been used or cancelled already).",
  EMAIL_IS_THE_SAME: "That is already your email address.",
  DELETE_CONFIRMATION_MISMATCH: "Type your email address exactly as shown to confirm.",
  LAST_ADMIN: "This is the only administrator account: give another account the administrator role before deleting this one.",
  ADMIN_REQUIRED: "Only an administrator can change an account or role with access to the admin console.",
  ADMIN_SELF_CHANGE: "Administrators cannot deactivate themselves or remove their own administrator role.",
  ROLE_DOES_NOT_EXIST: "Specified role does not exist",
  ROLE_ALREADY_EXISTS: "A role with this name already exists.",
  ROLE_NAME_INVALID: "Role names are 1 to 64 letters, digits, '.', '_' or '-'.",
  ROLE_REQUIRED_BY_CONFIG: "This role is named in the configuration (the administrator role or a role that requires two-factor) and cannot be deleted.",
  ROLE_DELETED: "The role was deleted; the accounts that held it no longer do.",
  RESCUE_REQUEST_RESET: "Access was reset: the account's next sign-in sets up its second factor again.",
  RESCUE_REQUEST_DISMISSED: "The request was dismissed.",
  ROLE_PERMISSION_KEPT: "The administrator role keeps roles:write: without it nobody could edit roles from the console.",
  ROLE_RENAME_REQUIRED_BY_CONFIG: "This role is named in the configuration (the administrator role or a role that requires two-factor) and cannot be renamed.",
  RESCUE_REQUEST_NOT_FOUND: "That request for help is no longer in the queue (another administrator may have handled it).",
  IMPERSONATION_NOT_ALLOWED: "You cannot view the app as this account: administrators, inactive accounts and your own account are refused.",
  IMPERSONATION_FRESHNESS_REFUSED:
    "You are viewing the app as another account: actions that need its owner to sign in again are not available. Return to your account first.",
  IMPERSONATION_NOT_ACTIVE: "You are not viewing the app as another account.",
  IMPERSONATION_ENDED: "You are back in your own account.",
  IMPERSONATION_STARTED: "You are now viewing the app as this account.",
  PERMISSION_INVALID: "Permissions are written resource:action (lower-case letters, digits, '.', '_', '-'; '*' for any action).",
  ACCOUNT_DELETED: "Your account has been deleted. We are sorry to see you go.",
  TWO_FACTOR_INVALID_TOKEN: "That code is not valid.",
  TWO_FACTOR_LOGIN_SUCCESSFUL: "Your code has been confirmed",
  TWO_FACTOR_CHANGE_METHOD_SUCCESSFUL: "You successfully changed your two-factor method.",
  TWO_FACTOR_ENABLED: "Two-factor authentication is on.",
  TWO_FACTOR_DISABLED: "You successfully disabled two-factor authorization.",
  TWO_FACTOR_PERMISSION_DENIED: "Your sign-in has expired or was not started. Please sign in again.",
  TWO_FACTOR_METHOD_NOT_AVAILABLE: "Marked method is not valid",
  TWO_FACTOR_REQUIRED: "Two-factor authentication is required for your account and cannot be turned off.",
  TWO_FACTOR_SETUP_EXPIRED: "Setup must be completed within {within}. Please start over.",
  TWO_FACTOR_RESCUE_SENT: "A sign-in code has been sent to your account's email address.",
  TWO_FACTOR_HELP_REQUESTED: "The site administrator has been asked to help you. They will contact you at your email address.",
  PHONE_INVALID: "Phone number not valid e.g. missing country code",
  FAILED_TO_SEND_CODE: "Failed to send code. Please try again later",
  CODE_HAS_BEEN_SENT: "Code has been sent.",
  INVALID_RECOVERY_CODE: "Recovery code invalid",
  NO_RECOVERY_CODES_SETUP: "No recovery codes generated yet",
  RECOVERY_CODES_GENERATED: "New recovery codes generated. Your old codes no longer work.",
  WEBAUTHN_NAME_REQUIRED: "Nickname for new passkey is required.",
  WEBAUTHN_NAME_INUSE: "That name is already used by one of your passkeys.",
  WEBAUTHN_NAME_NOT_FOUND: "That passkey is not registered to your account.",
  WEBAUTHN_REGISTER_SUCCESSFUL: "Your passkey was added.",
  WEBAUTHN_CREDENTIAL_DELETED: "Your passkey was removed.",
  WEBAUTHN_CREDENTIAL_RENAMED: "Your passkey was renamed.",
  WEBAUTHN_CREDENTIAL_ID_INUSE: "Passkey already registered.",
  WEBAUTHN_UNKNOWN_CREDENTIAL_ID: "Unregistered passkey.",
  WEBAUTHN_NO_VERIFY: "Could not verify passkey.",
  WEBAUTHN_CREDENTIAL_WRONG_USAGE: "Passkey not registered for this use (first or secondary)",
  WEBAUTHN_MISMATCH_USER_HANDLE: "Credential user handle didn't match",
  WEBAUTHN_EXPIRED: "Passkey operations must be completed in time. Please start over.",
  IDENTITY_NOT_REGISTERED: "No account uses this {provider} identity. Sign in another way, then link {provider} from your account page.",
  OAUTH_HANDSHAKE_ERROR: "An error occurred while communicating with the sign-in provider. Please try again.",
  OAUTH_CANCELLED: "Signing in with the provider was cancelled.",
  OAUTH_NOT_AVAILABLE: "This sign-in provider is not configured.",
  OAUTH_IDENTITY_IN_USE: "This {provider} identity is already linked to another account.",
  OAUTH_PROVIDER_ALREADY_LINKED: "A {provider} identity is already linked to your account. Unlink it first.",
  OAUTH_NOT_LINKED_IDENTITY: "That {provider} identity is not the one linked to your account.",
  OAUTH_LAST_SIGN_IN_METHOD: "This is your only way to sign in. Add a password, a passkey or another provider before unlinking it.",
  OAUTH_LINKED: "{provider} is now linked to your account.",
  OAUTH_UNLINKED: "{provider} is no longer linked to your account.",
  WEBAUTHN_NOT_AVAILABLE: "Passkeys are not enabled.",
  WEBAUTHN_NOT_DISCOVERABLE: "This authenticator can't keep a passkey for signing in. Add it as a second factor instead.",
  WEBAUTHN_LAST_SIGN_IN_METHOD: "This is your only way to sign in. Add a password or another passkey before removing it.",
  WEBAUTHN_LAST_SECOND_FACTOR: "Two-factor authentication is required for your account: set up another second factor before removing this passkey.",
  INVALID_PASSWORD_CODE: "Password or code submitted is not valid",
  US_METHOD_NOT_AVAILABLE: "Requested method is not valid",
  US_SPECIFY_IDENTITY: "You must specify a valid identity to sign in",
  US_SETUP_SUCCESSFUL: "Your sign-in method is set up.",
  US_SETUP_EXPIRED: "Setup must be completed within {within}. Please start over.",
  US_METHOD_REMOVED: "That sign-in method was removed.",
  US_LAST_SIGN_IN_METHOD: "This is your only way to sign in. Add another method or a password before removing it.",
  GENERIC_US_SIGNIN: "If that identity is in our system, you were sent a code.",
  IDENTITY_ALREADY_ASSOCIATED: "Identity attribute is already associated with another user.",
  LOGIN_EMAIL_SENT: "If that email address is registered, instructions to sign in have been sent to it.",
  INVALID_LOGIN_TOKEN: "Invalid login token.",
  LOGIN_EXPIRED: "You did not sign in within {within}. If the address is registered, a new link has been sent to it.",
  LOGIN_OTHER_BROWSER: "Open the sign-in link in the browser where you asked for it.",
  PASSWORDLESS_LOGIN_SUCCESSFUL: "You have successfully logged in.",
  PASSWORD_SET: "Your password is set. You can now sign in with it.",
  SECRET_UNAVAILABLE: "This sign-in method can't be checked right now. Use another method or a recovery code, or contact support.",
  RATE_LIMITED: "Too many attempts.",
  ACCOUNT_LOCKED: "This account is locked after too many failed sign-in attempts. If it is yours, use the unlock link we emailed you, or reset your password.",
  // The application's own lock (the isLocked hook, decision 056), not the failed-attempt one above.
  LOCKED_ACCOUNT: "This account is locked.",
  UNLOCK_SUCCESSFUL: "Your account is unlocked. You can sign in again.",
  INVALID_UNLOCK_TOKEN: "That unlock link is not valid (it may have been used already).",
  UNLOCK_EXPIRED: "That unlock link has expired. Reset your password to unlock your account.",
  TWO_FACTOR_SAME_CHANNEL:
    "You signed in through your email, so the second step can't come by email too. Use another method, a recovery code, or sign in with your password.",
  TWO_FACTOR_NO_INDEPENDENT_METHOD:
    "None of your second factors can finish this sign-in, because they use the same channel as the first step. Sign in another way (for example with your password), use a recovery code, or ask for help.",
  TWO_FACTOR_EMAIL_ONLY_ACCOUNT:
    "Email codes can't be your second step: you sign in by email, so they would not add anything. Choose an authenticator app or text messages.",
  TWO_FACTOR_ATTEMPTS_EXCEEDED: "Too many wrong codes. Please sign in again.",
  TWO_FACTOR_CODE_USED: "That code was already used. Wait for the next one.",
  TWO_FACTOR_STEP_UP_REQUIRED: "Your account now requires two-step verification. Continue to finish signing in with a second factor.",
  REFRESH_TOKEN_INVALID: "Refresh token is invalid ({reason})",
  CSRF_TOKEN_MISSING: "The CSRF token is missing.",
  CSRF_TOKEN_INVALID: "The CSRF token is invalid.",
  LOGGED_OUT: "You have been signed out.",
  SESSION_REVOKED: "That session has been signed out.",
  TOKEN_REVOKED: "That token has been revoked: it no longer works.",
  TOKEN_NOT_FOUND: "That token was not found: it may have expired or been revoked already.",
} as const;

export type ErrorCode = keyof typeof MESSAGES;

export type FieldErrors = Partial<Record<string, string[]>>;

export type Failure = {
  ok: false;
  code: ErrorCode;
  /** Per-field messages; form-level errors live under "". */
  fieldErrors?: FieldErrors;
  /** Seconds until a rate-limited caller may retry. */
  retryAfter?: number;
  /** Values for the message's {placeholders} (e.g. the configured minimum password length). */
  params?: MessageParams;
};

export type MessageParams = Record<string, string | number>;

export type Result<T extends object = object> = ({ ok: true } & T) | Failure;

export function fail(code: ErrorCode, fieldErrors?: FieldErrors, retryAfter?: number): Failure {
  return { ok: false, code, ...(fieldErrors ? { fieldErrors } : {}), ...(retryAfter ? { retryAfter } : {}) };
}

/** The message for a code, its {placeholders} filled from `params` (left as they are when absent). */
export function messageFor(code: ErrorCode, params?: MessageParams): string {
  const text: string = MESSAGES[code];
  return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
}

/** PostgreSQL's unique_violation (postgres.js and PGlite put it on the error or its cause): a unique index decided a race. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | null;
  return String(e?.code ?? e?.cause?.code) === "23505";
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && Object.hasOwn(MESSAGES, value);
}
