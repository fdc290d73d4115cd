/**
 * Where a request came from, in words a person reads: a loopback address is "this computer", a
 * private one is "your local network", anything else is shown as the address it is. The address
 * is what the server saw (behind a trusted proxy, the client's), never proof of a place.
 */

export interface NetworkWords {
  unknown: string;
  loopback: string;
  /** Has `{ip}`. */
  private: string;
}

const ENGLISH: NetworkWords = { unknown: "unknown network", loopback: "this computer (local)", private: "local network ({ip})" };

/** "this computer (local)", "local network (192.168.1.20)", "203.0.113.7", or "unknown network", in `words`' language. */
export function describeIp(ip: string | null, words: NetworkWords = ENGLISH): string {
  if (!ip) return words.unknown;
  const v4 = ip.toLowerCase().replace(/^::ffff:/, "");
  if (v4 === "::1" || /^127\.\d+\.\d+\.\d+$/.test(v4)) return words.loopback;
  if (isPrivate(v4)) return words.private.replace("{ip}", ip);
  return ip;
}

function isPrivate(ip: string): boolean {
  const parts = ip.split(".").map(Number);
  if (parts.length === 4 && parts.every((n) => Number.isInteger(n) && n >= 0 && n <= 255)) {
    const [a, b] = parts as [number, number, number, number];
    // RFC 1918 ranges, and 169.254/16 (link-local, RFC 3927).
    return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
  }
  // IPv6 unique local (fc00::/7, RFC 4193) and link-local (fe80::/10).
  return /^f[cd][0-9a-f]{0,2}:/.test(ip) || /^fe[89ab][0-9a-f]?:/.test(ip);
}
