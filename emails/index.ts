import type { ReactElement } from "react";
import { AccountDeletedEmail } from "./account-deleted";
import { AccountLockedEmail } from "./account-locked";
import { ChangeEmailInstructionsEmail } from "./change-email-instructions";
import { ChangeEmailNoticeEmail } from "./change-email-notice";
import { ChangeEmailRequestedEmail } from "./change-email-requested";
import { ChangeUsernameNoticeEmail } from "./change-username-notice";
import { ChangeNoticeEmail } from "./change-notice";
import { ConfirmationInstructionsEmail } from "./confirmation-instructions";
import { LoginInstructionsEmail } from "./login-instructions";
import { NewDeviceSignInEmail } from "./new-device-sign-in";
import { OAUTH_CHANGED_SUBJECTS, OAuthChangedEmail } from "./oauth-changed";
import type { OAuthChangedEmailProps } from "./oauth-changed";
import { PASSKEY_CHANGED_SUBJECTS, PasskeyChangedEmail } from "./passkey-changed";
import type { PasskeyChangedEmailProps } from "./passkey-changed";
import { RecoveryCodeUsedEmail } from "./recovery-code-used";
import { ResetInstructionsEmail } from "./reset-instructions";
import { ResetNoticeEmail } from "./reset-notice";
import { TWO_FACTOR_CHANGED_SUBJECTS, TwoFactorChangedEmail } from "./two-factor-changed";
import type { TwoFactorChangedEmailProps } from "./two-factor-changed";
import { TwoFactorInstructionsEmail } from "./two-factor-instructions";
import { SignInMethodsChangedEmail } from "./sign-in-methods-changed";
import { TwoFactorRescueEmail } from "./two-factor-rescue";
import { UsInstructionsEmail } from "./us-instructions";
import { UsernameRecoveryEmail } from "./username-recovery";
import { WelcomeEmail } from "./welcome";
import { WelcomeExistingEmail } from "./welcome-existing";
import { WelcomeExistingUsernameEmail } from "./welcome-existing-username";

export interface EmailDefinition<P> {
  subject: (props: P) => string;
  component: (props: P) => ReactElement;
}

// Keys and subjects follow Flask-Security's template names and EMAIL_SUBJECT_* defaults, so
// anyone porting copy or tests from there finds the same mail. Subjects take the props so a
// product can make them richer (e.g. `Welcome to ${p.appName}`) without touching callers.
const definitions = {
  welcome: { subject: () => "Welcome", component: WelcomeEmail },
  welcome_existing: { subject: () => "Welcome", component: WelcomeExistingEmail },
  welcome_existing_username: { subject: () => "Welcome", component: WelcomeExistingUsernameEmail },
  confirmation_instructions: { subject: () => "Please confirm your email", component: ConfirmationInstructionsEmail },
  reset_instructions: { subject: () => "Password reset instructions", component: ResetInstructionsEmail },
  reset_notice: { subject: () => "Your password has been reset", component: ResetNoticeEmail },
  change_notice: { subject: () => "Your password has been changed", component: ChangeNoticeEmail },
  two_factor_instructions: { subject: () => "Two-factor Login", component: TwoFactorInstructionsEmail },
  two_factor_rescue: { subject: () => "Two-factor Rescue", component: TwoFactorRescueEmail },
  us_instructions: { subject: () => "Verification Code", component: UsInstructionsEmail },
  login_instructions: { subject: () => "Login instructions", component: LoginInstructionsEmail },
  change_email_instructions: { subject: () => "Confirm your new email address", component: ChangeEmailInstructionsEmail },
  change_username_notice: { subject: () => "Your username has been changed", component: ChangeUsernameNoticeEmail },
  username_recovery: { subject: () => "Your requested username", component: UsernameRecoveryEmail },
  // No Flask-Security counterpart for these: Gatehouse's own notices.
  two_factor_changed: {
    subject: (p: TwoFactorChangedEmailProps) => TWO_FACTOR_CHANGED_SUBJECTS[p.change],
    component: TwoFactorChangedEmail,
  },
  recovery_code_used: { subject: () => "A recovery code was used", component: RecoveryCodeUsedEmail },
  sign_in_methods_changed: { subject: () => "Your sign-in methods changed", component: SignInMethodsChangedEmail },
  account_locked: { subject: () => "Sign-in to your account is locked", component: AccountLockedEmail },
  change_email_requested: { subject: () => "Someone asked to change your email address", component: ChangeEmailRequestedEmail },
  change_email_notice: { subject: () => "Your email address has been changed", component: ChangeEmailNoticeEmail },
  account_deleted: { subject: () => "Your account has been deleted", component: AccountDeletedEmail },
  new_device_sign_in: { subject: () => "New sign-in to your account", component: NewDeviceSignInEmail },
  passkey_changed: { subject: (p: PasskeyChangedEmailProps) => PASSKEY_CHANGED_SUBJECTS[p.change], component: PasskeyChangedEmail },
  oauth_changed: { subject: (p: OAuthChangedEmailProps) => OAUTH_CHANGED_SUBJECTS[p.change], component: OAuthChangedEmail },
} as const;

export type EmailName = keyof typeof definitions;
export type EmailProps<K extends EmailName> = Parameters<(typeof definitions)[K]["component"]>[0];

// Annotated as a mapped type so `EMAILS[name]` keeps its link to `EmailProps<K>` inside generic
// code (sendEmail) instead of widening to a union of unrelated definitions.
export const EMAILS: { readonly [K in EmailName]: EmailDefinition<EmailProps<K>> } = definitions;
