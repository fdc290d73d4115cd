import Bowser from "bowser";

interface DeviceDescription {
  browser: string | null;
  os: string | null;
  /** "desktop", "mobile", "tablet", "tv"… when the user agent says. */
  platform: string | null;
}

/**
 * Browser and operating system from a User-Agent header, by a maintained parser (bowser): user
 * agents are too irregular to read with our own patterns. The header is the browser's own claim,
 * so this is "approximately what device", never proof of one.
 */
function parseUserAgent(userAgent: string | null): DeviceDescription {
  if (!userAgent) return { browser: null, os: null, platform: null };
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name ? [parsed.browser.name, majorVersion(parsed.browser.version)].filter(Boolean).join(" ") : null;
  const os = parsed.os.name ? [parsed.os.name, parsed.os.versionName ?? majorVersion(parsed.os.version)].filter(Boolean).join(" ") : null;
  return { browser, os, platform: parsed.platform.type ?? null };
}

/** One line for an email or a list: "Chrome 131 on macOS Sonoma", or "Unknown device". */
export function describeUserAgent(userAgent: string | null): string {
  const { browser, os } = parseUserAgent(userAgent);
  if (browser && os) return `${browser} on ${os}`;
  return browser ?? os ?? "Unknown device";
}

/** What kind of device a user agent says it is, for an icon beside its name. */
export type DeviceType = "desktop" | "mobile" | "tablet" | "tv" | "unknown";

const DEVICE_TYPES: ReadonlySet<string> = new Set(["desktop", "mobile", "tablet", "tv"]);

/** The name and kind of device: `{ name: "Safari 18 on iOS 18", type: "mobile" }`. */
export function describeDevice(userAgent: string | null): { name: string; type: DeviceType } {
  const platform = parseUserAgent(userAgent).platform;
  return { name: describeUserAgent(userAgent), type: platform && DEVICE_TYPES.has(platform) ? (platform as DeviceType) : "unknown" };
}

function majorVersion(version: string | undefined): string | null {
  return version?.split(".")[0] || null;
}
