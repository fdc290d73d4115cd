import { formatDateTimeIn } from "./time";

/**
 * A date and time for a page or an email, in the viewer's time zone when the account has one
 * (users.time_zone, decision 066), else in UTC, and always naming the zone.
 */
export function formatDateTime(date: Date, timeZone?: string | null, locale = "en"): string {
  return formatDateTimeIn(date, timeZone, locale);
}

// Browser and system from the user agent by a maintained parser (bowser), the same words the new-device mail uses.
export { describeUserAgent } from "@/lib/security/core/user-agent";
