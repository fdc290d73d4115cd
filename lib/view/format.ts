/** Dates are rendered on the server in UTC so the HTML is the same for every visitor. */
const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function formatDateTime(date: Date): string {
  return `${dateTime.format(date)} UTC`;
}

// Browser and system from the user agent by a maintained parser (bowser), the same words the new-device mail uses.
export { describeUserAgent } from "@/lib/security/core/user-agent";
