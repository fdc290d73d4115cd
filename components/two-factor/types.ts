import type { TwoFactorSetupInput } from "@/lib/security/schemas";

export type SetupMethod = TwoFactorSetupInput["method"];

/** One choice in the method picker. */
export interface MethodOption {
  value: SetupMethod;
  label: string;
  description: string;
}

/** What an authenticator app needs: the QR (PNG data URL), the key in groups of four, the URI. */
export interface AuthenticatorEnrollment {
  qr: string;
  key: string;
  uri: string;
}
