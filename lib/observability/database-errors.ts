/**
 * Whether an error means "the database cannot be reached right now" (as opposed to a bug or a bad
 * query): the request then gets a 503 with Retry-After (server/start.mjs) instead of a 500.
 * postgres.js reports socket trouble with Node's codes or its own CONNECTION_* / CONNECT_TIMEOUT;
 * a server shutting down, starting up or in recovery answers with SQLSTATE class 08 or 57P0x.
 */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") {
      if (NETWORK_CODES.has(code)) return true;
      // 08xxx connection exceptions; 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03
      // cannot_connect_now (starting up, shutting down, recovery); 53300 too_many_connections.
      if (/^08/.test(code) || /^57P0[123]$/.test(code) || code === "53300") return true;
    }
    // drizzle wraps the driver's error ("Failed query: …") in `cause`.
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
