import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { getConfig } from "../config";

/** A phone number in E.164 ("+14155550123"), or null when it is not a valid number. */
export function normalizePhone(input: string, region?: string): string | null {
  if (typeof input !== "string" || input.length > 64) return null;
  const phone = parsePhoneNumberFromString(input.trim(), (region ?? getConfig().phoneRegionDefault) as CountryCode);
  return phone?.isValid() ? phone.number : null;
}

/** "+44 ••• ••• 0018" — enough for the owner to recognise, not enough to leak. */
export function maskPhone(e164: string): string {
  const countryCode = parsePhoneNumberFromString(e164)?.countryCallingCode ?? e164.slice(1, 2);
  return `+${countryCode} ••• ••• ${e164.slice(-4)}`;
}
