import type { FormState } from "@/lib/form-state";
import type { TwoFactorSetupInput } from "@/lib/security/schemas";

export type SetupMethod = TwoFactorSetupInput["method"];

export interface MethodOption {
  value: SetupMethod;
  label: string;
  description: string;
}

/** What step 2 of the setup shows; `qr`, `key` and `uri` for the authenticator method only. */
export interface SetupDetails {
  method: SetupMethod;
  /** PNG data URL of the otpauth:// URI. */
  qr: string | null;
  /** The base32 secret in groups of four, for typing into an app. */
  key: string | null;
  uri: string | null;
  /** Masked phone number for SMS. */
  sentTo: string | null;
}

/** FormState plus, on success, the setup details. */
export type SetupStartState = (NonNullable<FormState> & { setup?: SetupDetails }) | null;
