import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { getConfig } from "../config";
import { utility } from "../core/plugins";

/** A phone number in E.164 ("+14155550123"), or null when it is not a valid number (the phone utility, lib/security/plugins.ts). */
export function normalizePhone(input: string, region?: string): string | null {
  if (typeof input !== "string" || input.length > 64) return null;
  const custom = utility("phone").normalize;
  const where = region ?? getConfig().phoneRegionDefault;
  return custom ? custom(input, where, builtInNormalizePhone) : builtInNormalizePhone(input, where);
}

function builtInNormalizePhone(input: string, region: string): string | null {
  const phone = parsePhoneNumberFromString(input.trim(), region as CountryCode);
  return phone?.isValid() ? phone.number : null;
}

/** "+44 ••• ••• 0018" — enough for the owner to recognise, not enough to leak. */
export function maskPhone(e164: string): string {
  const countryCode = parsePhoneNumberFromString(e164)?.countryCallingCode ?? e164.slice(1, 2);
  return `+${countryCode} ••• ••• ${e164.slice(-4)}`;
}
