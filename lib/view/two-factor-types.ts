import type { TwoFactorSetupInput } from "@/lib/security/core/schemas";

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

/** Step 2 of setting up a code method (two-factor or sign-in): what the page shows to prove it. */
export interface CodeMethodSetup {
  /** Opaque, server-issued, bound to this user; round-trips in a hidden field. */
  setupToken: string;
  method: "authenticator" | "email" | "sms";
  /** Authenticator only. */
  enrollment: AuthenticatorEnrollment | null;
  /** Email / sms only: where the code went (masked for phones). */
  sentTo: string | null;
}
