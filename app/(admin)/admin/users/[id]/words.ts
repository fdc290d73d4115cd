import type { AdminAction } from "@/lib/security/lifecycle/admin-actions";

/** What each action did, for the notice after it (a fixed table: a crafted ?done= shows nothing). */
export const DONE: Record<AdminAction, string> = {
  activate: "The account is active.",
  deactivate: "The account is deactivated: its sessions and tokens have ended.",
  "confirm-email": "The email address is marked confirmed.",
  unlock: "The account is unlocked.",
  "reset-access":
    "Access was reset: sessions, tokens, two-factor, sign-in methods, passkeys and recovery codes are gone; the user sets them up again at the next sign-in.",
  "reset-two-factor": "Two-factor and the recovery codes were reset.",
  "reset-passkeys": "Every passkey was removed.",
  "reset-sign-in-methods": "Every sign-in code method was removed.",
  "set-password": "The password was changed and the user was emailed a notice; every session ended.",
  "send-reset-link": "A password-reset link was emailed to the user.",
  delete: "The account was deleted.",
  "add-role": "The role was added.",
  "remove-role": "The role was removed.",
  "revoke-session": "The session was ended.",
  "revoke-all-sessions": "Every session was ended.",
  "revoke-token": "The token was revoked.",
  "revoke-all-tokens": "Every token was revoked.",
  "revoke-refresh-family": "The app's sign-in was ended: its refresh token no longer works.",
};

/** The confirmation step's question for each destructive action. */
export const CONFIRM: Partial<Record<AdminAction, string>> = {
  deactivate: "Deactivate this account? Every session and token ends, and the user cannot sign in until it is activated again.",
  "reset-access": "Reset this account's access? Sessions, tokens, two-factor, sign-in methods, passkeys and recovery codes go; the password stays.",
  "reset-two-factor": "Remove this account's two-factor method and recovery codes?",
  "reset-passkeys": "Remove every passkey of this account?",
  "reset-sign-in-methods": "Remove every sign-in code method of this account?",
  "set-password": "Set a new password? Every session ends and the user is emailed a notice.",
  delete: "Delete this account and everything that hangs off it? This cannot be undone.",
  "revoke-all-sessions": "End every session of this account?",
  "revoke-all-tokens": "Revoke every API token of this account?",
};
