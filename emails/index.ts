import type { ReactElement } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/catalogues";
import { translatorFor } from "@/lib/i18n/translator";
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
import { oauthChangedSubject, OAuthChangedEmail } from "./oauth-changed";
import type { OAuthChangedEmailProps } from "./oauth-changed";
import { passkeyChangedSubject, PasskeyChangedEmail } from "./passkey-changed";
import type { PasskeyChangedEmailProps } from "./passkey-changed";
import { RecoveryCodeUsedEmail } from "./recovery-code-used";
import { ResetInstructionsEmail } from "./reset-instructions";
import { ResetNoticeEmail } from "./reset-notice";
import { twoFactorChangedSubject, TwoFactorChangedEmail } from "./two-factor-changed";
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
  /** The subject in the props' language (renderEmail adds `locale`: the recipient's). */
  subject: (props: P) => string;
  component: (props: P) => ReactElement;
}

// Keys follow Flask-Security's template names, so anyone porting copy or tests from there finds
// the same mail. Subjects are the product's: "<App name>: …" in sentence case, one set for every
// message (decision 063), each written in the recipient's language (messages/<locale>.json,
// namespace "emails"). They take the props, so a product can make them richer.
const subject =
  <P extends { appName: string }>(text: (props: P) => string) =>
  (props: P): string =>
    `${props.appName}: ${text(props)}`;

/** The templates whose subject is one message, `emails.<name>.subject`; the others choose theirs by what changed. */
type OneSubject = Exclude<keyof Messages["emails"], "layout" | "two_factor_changed" | "passkey_changed" | "oauth_changed">;

/** "<App name>: " and the template's `emails.<name>.subject` in the props' language. */
const translated =
  <P extends { appName: string; locale?: Locale }>(name: OneSubject) =>
  (props: P): string =>
    `${props.appName}: ${translatorFor(props.locale ?? "en", "emails")(`${name}.subject`)}`;

const definitions = {
  welcome: { subject: translated("welcome"), component: WelcomeEmail },
  welcome_existing: { subject: translated("welcome_existing"), component: WelcomeExistingEmail },
  welcome_existing_username: { subject: translated("welcome_existing_username"), component: WelcomeExistingUsernameEmail },
  confirmation_instructions: { subject: translated("confirmation_instructions"), component: ConfirmationInstructionsEmail },
  reset_instructions: { subject: translated("reset_instructions"), component: ResetInstructionsEmail },
  reset_notice: { subject: translated("reset_notice"), component: ResetNoticeEmail },
  change_notice: { subject: translated("change_notice"), component: ChangeNoticeEmail },
  two_factor_instructions: { subject: translated("two_factor_instructions"), component: TwoFactorInstructionsEmail },
  two_factor_rescue: { subject: translated("two_factor_rescue"), component: TwoFactorRescueEmail },
  us_instructions: { subject: translated("us_instructions"), component: UsInstructionsEmail },
  login_instructions: { subject: translated("login_instructions"), component: LoginInstructionsEmail },
  change_email_instructions: { subject: translated("change_email_instructions"), component: ChangeEmailInstructionsEmail },
  change_username_notice: { subject: translated("change_username_notice"), component: ChangeUsernameNoticeEmail },
  username_recovery: { subject: translated("username_recovery"), component: UsernameRecoveryEmail },
  // No Flask-Security counterpart for these: Gatehouse's own notices.
  two_factor_changed: {
    subject: subject((p: TwoFactorChangedEmailProps) => twoFactorChangedSubject(p)),
    component: TwoFactorChangedEmail,
  },
  recovery_code_used: { subject: translated("recovery_code_used"), component: RecoveryCodeUsedEmail },
  sign_in_methods_changed: { subject: translated("sign_in_methods_changed"), component: SignInMethodsChangedEmail },
  account_locked: { subject: translated("account_locked"), component: AccountLockedEmail },
  change_email_requested: { subject: translated("change_email_requested"), component: ChangeEmailRequestedEmail },
  change_email_notice: { subject: translated("change_email_notice"), component: ChangeEmailNoticeEmail },
  account_deleted: { subject: translated("account_deleted"), component: AccountDeletedEmail },
  new_device_sign_in: { subject: translated("new_device_sign_in"), component: NewDeviceSignInEmail },
  passkey_changed: { subject: subject((p: PasskeyChangedEmailProps) => passkeyChangedSubject(p)), component: PasskeyChangedEmail },
  oauth_changed: { subject: subject((p: OAuthChangedEmailProps) => oauthChangedSubject(p)), component: OAuthChangedEmail },
} as const;

/**
 * The notices of a change to the account: the outbox adds when, from which device and the way
 * back if it was not the reader (EmailChangeContext) to their payload.
 */
export const CHANGE_NOTICES: ReadonlySet<string> = new Set<keyof typeof definitions>([
  "reset_notice",
  "change_notice",
  "change_username_notice",
  "two_factor_changed",
  "recovery_code_used",
  "sign_in_methods_changed",
  "change_email_requested",
  "change_email_notice",
  "passkey_changed",
  "oauth_changed",
]);

export type EmailName = keyof typeof definitions;
export type EmailProps<K extends EmailName> = Parameters<(typeof definitions)[K]["component"]>[0];

// Annotated as a mapped type so `EMAILS[name]` keeps its link to `EmailProps<K>` inside generic
// code (sendEmail) instead of widening to a union of unrelated definitions.
export const EMAILS: { readonly [K in EmailName]: EmailDefinition<EmailProps<K>> } = definitions;
