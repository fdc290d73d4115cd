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

function majorVersion(version: string | undefined): string | null {
  return version?.split(".")[0] || null;
}
