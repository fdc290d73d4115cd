import "server-only";
import QRCode from "qrcode";
import type { AuthenticatorEnrollment, CodeMethodSetup, MethodOption } from "@/lib/view/two-factor-types";
import type { TwoFactorMethod } from "@/lib/security/config";
import { TWO_FACTOR_METHODS } from "@/lib/security/config/values";
import { METHOD_CHOICES } from "@/lib/view/labels";
import { isRecord } from "@/lib/view/records";

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

/** What step 2 showed, without its setup token (the sign-in set-up keeps its own on the server). */
export type ShownSetup = Pick<CodeMethodSetup, "method" | "enrollment" | "sentTo">;

/** Longer than any QR code data URL, key, URI or address step 2 draws. */
const SHOWN_TEXT_MAX = 16_384;

/**
 * The step a posted form's `previous` state says the page showed (React's useActionState hands
 * the browser's copy back on a post made without JavaScript, components/forms/use-server-form.ts).
 * It is only drawn again into the same person's page, but it is the browser's value: anything not
 * shaped like a step (`["x"]`, an object where a string belongs, a QR code that is not a PNG data
 * URL) is no step, so the page falls back to step 1 instead of failing to render.
 */
export function shownSetupIn(previous: unknown, withToken: true): CodeMethodSetup | null;
export function shownSetupIn(previous: unknown, withToken: false): ShownSetup | null;
export function shownSetupIn(previous: unknown, withToken: boolean): ShownSetup | CodeMethodSetup | null {
  const setup = isRecord(previous) ? previous.setup : undefined;
  if (!isRecord(setup) || !isSetupMethod(setup.method)) return null;
  if (!(setup.sentTo === null || isShownText(setup.sentTo))) return null;
  const enrollment = shownEnrollment(setup.enrollment);
  if (enrollment === undefined) return null;
  const shown: ShownSetup = { method: setup.method, enrollment, sentTo: setup.sentTo };
  if (!withToken) return shown;
  return isShownText(setup.setupToken) ? { ...shown, setupToken: setup.setupToken } : null;
}

/** The authenticator's QR code, key and URI as strings (a new object: nothing else is kept), null, or undefined for anything else. */
function shownEnrollment(value: unknown): AuthenticatorEnrollment | null | undefined {
  if (value === null) return null;
  if (!isRecord(value)) return undefined;
  const { qr, key, uri } = value;
  if (!isShownText(qr) || !qr.startsWith("data:image/png;base64,") || !isShownText(key) || !isShownText(uri)) return undefined;
  return { qr, key, uri };
}

function isSetupMethod(value: unknown): value is TwoFactorMethod {
  return (TWO_FACTOR_METHODS as readonly unknown[]).includes(value);
}

function isShownText(value: unknown): value is string {
  return typeof value === "string" && value.length <= SHOWN_TEXT_MAX;
}
