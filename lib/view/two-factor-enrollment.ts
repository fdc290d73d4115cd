import "server-only";
import QRCode from "qrcode";
import type { AuthenticatorEnrollment, MethodOption } from "@/lib/view/two-factor-types";
import type { TwoFactorMethod } from "@/lib/security/config";
import { METHOD_CHOICES } from "@/lib/view/labels";

/** The enabled methods as picker options (one wording for the account page and sign-in set-up). */
export function methodOptions(methods: readonly TwoFactorMethod[]): MethodOption[] {
  return methods.map((value) => ({ value, ...METHOD_CHOICES[value] }));
}

/** Size that authenticator apps scan reliably from a laptop screen; margin 1 keeps the quiet zone. */
const QR_OPTIONS = { margin: 1, width: 220 } as const;

/**
 * The QR code is rendered on the server, so the secret never needs a client-side QR library
 * or a third-party image service.
 */
export async function authenticatorEnrollment(uri: string | null, secret: string | null): Promise<AuthenticatorEnrollment | null> {
  if (!uri || !secret) return null;
  return { qr: await QRCode.toDataURL(uri, QR_OPTIONS), key: (secret.match(/.{1,4}/g) ?? []).join(" "), uri };
}
