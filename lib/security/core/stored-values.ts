/**
 * The fixed sets that text columns hold, as arrays: the schema declares its columns with them
 * (drizzle's `text(…, { enum })`, a type, not a PostgreSQL enum: adding a value needs no
 * migration), and the modules that own each concept derive their types from them. No imports:
 * drizzle/schema reads this file.
 */

/** What an emailed link or state token is for (lib/security/core/tokens.ts). */
export const TOKEN_PURPOSES = ["confirm", "reset", "tf-setup", "us-setup", "magic", "unlock", "change-email", "change-email-cancel"] as const;

/** What a WebAuthn ceremony is for (lib/security/passkeys/ceremonies.ts). */
export const CEREMONY_PURPOSES = ["register", "sign-in", "second-factor", "verify"] as const;

/** Where a pending sign-in stands (lib/security/sessions/pending.ts). */
export const PENDING_STATES = ["ready", "setup", "select"] as const;

/** Whether a passkey lives on one device or syncs (@simplewebauthn's credentialDeviceType). */
export const PASSKEY_DEVICE_TYPES = ["singleDevice", "multiDevice"] as const;

/** Flask-Security's signals, plus Gatehouse's own (lib/security/core/events.ts). */
export const SECURITY_EVENT_TYPES = [
  "user_registered",
  "user_not_registered",
  "confirm_instructions_sent",
  "user_confirmed",
  "user_authenticated",
  "user_failed_authn",
  "user_unauthenticated",
  "reauthenticated",
  "reset_password_instructions_sent",
  "password_reset",
  "password_changed",
  "account_locked",
  "account_unlocked",
  "session_revoked",
  "user_deactivated",
  "user_activated",
  "role_added",
  "role_removed",
  "tf_code_confirmed",
  "tf_profile_changed",
  "tf_disabled",
  "tf_security_token_sent",
  "tf_rescue_requested",
  "tf_reset",
  "mf_recovery_code_used",
  "mf_recovery_codes_generated",
  "wan_registered",
  "wan_deleted",
  "wan_renamed",
  "us_security_token_sent",
  "us_profile_changed",
  "login_instructions_sent",
  "change_email_instructions_sent",
  "change_email_confirmed",
  "change_email_cancelled",
  "username_changed",
  "username_recovery_email_sent",
  "user_deleted",
  "refresh_tracker_revoked",
  "new_device_sign_in",
  "role_created",
  "role_deleted",
  "role_permissions_changed",
  "access_reset",
  "wan_reset",
  "token_uniquifier_changed",
  "admin_action",
  "role_renamed",
  "role_description_changed",
  "rescue_request_dismissed",
  "impersonation_started",
  "impersonation_ended",
  "password_rehashed",
  "user_imported",
  "oauth_linked",
  "oauth_unlinked",
] as const;

/** How a two-factor rescue request left the console's queue (lib/security/accounts/rescue-requests.ts). */
export const RESCUE_RESOLUTIONS = ["reset", "dismissed"] as const;
