import { getConfig } from "../config";

/**
 * Checks on a raw request that both doors share: the route handlers' input (route-input.ts) and
 * the server-action guard in proxy.ts (action-guard.ts). No "server-only" here: proxy.ts imports it.
 */

/** Same bound as server actions (next.config.mjs `serverActions.bodySizeLimit`): a 1 MB field still reaches our validation. */
export const BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/**
 * True when the browser says the request comes from this origin. `Sec-Fetch-Site` when present
 * (every current browser sends it), else `Origin`, which must name the configured APP_URL or the
 * host the request was sent to. A request with neither cannot be shown to be same-origin and is
 * refused: a cross-site form could otherwise sign a victim into an attacker's account. An Origin
 * that is not a bare origin (a path, a trailing slash) was not written by a browser for this
 * site and is refused too, and so is `Origin: null` — unless Sec-Fetch-Site says same-origin:
 * that is a form on one of our own `Referrer-Policy: no-referrer` pages (withheldOrigin).
 */
export function isSameOriginRequest(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return false;
  const origin = headers.get("origin");
  if (!origin || withheldOrigin(headers)) return site === "same-origin";
  let originUrl: URL;
  try {
    originUrl = new URL(origin);
  } catch {
    return false;
  }
  if (originUrl.origin !== origin) return false;
  if (originUrl.origin === new URL(getConfig().appUrl).origin) return true;
  const requested = requestedOrigin(headers, originUrl.protocol);
  return requested !== null && originUrl.origin === requested;
}

/**
 * A browser posting a form from a page whose referrer policy is `no-referrer` (our emailed-link
 * pages: their URL holds a token) sends `Origin: null`, with `Sec-Fetch-Site: same-origin` since
 * it is our own page. A sandboxed frame or a cross-site redirect also yields `Origin: null`, but
 * then Sec-Fetch-Site says cross-site.
 */
export function withheldOrigin(headers: Headers): boolean {
  return headers.get("origin") === "null" && headers.get("sec-fetch-site") === "same-origin";
}

/** The origin of the host a request was sent to (behind a proxy, the host it forwarded). */
export function requestedOrigin(headers: Headers, protocol: string): string | null {
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return host ? `${protocol}//${host}` : null;
}

/** The declared Content-Length is over the limit (a chunked body has none: readBytesWithin catches it). */
export function declaresTooLarge(headers: Headers, limit = BODY_LIMIT_BYTES): boolean {
  return Number(headers.get("content-length") ?? 0) > limit;
}

/** The body's bytes, or null once it passes `limit` (a chunked body has no Content-Length to trust). */
export async function readBytesWithin(body: ReadableStream<Uint8Array> | null, limit = BODY_LIMIT_BYTES): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
