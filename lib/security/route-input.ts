import "server-only";
import { getConfig } from "./config";

/**
 * What every mutating route handler does before the core sees a request: it must come from one of
 * our own pages (server actions get this check from Next; route handlers do it here, DESIGN.md
 * principle 5), and its body must be a bounded JSON object or form.
 */

/** Same bound as server actions (next.config.mjs): a 1 MB field still reaches our validation. */
export const ROUTE_BODY_LIMIT_BYTES = 2 * 1024 * 1024;

/**
 * True when the browser says the request comes from this origin. `Sec-Fetch-Site` when present
 * (every current browser sends it), else `Origin`, which must name the configured APP_URL or the
 * host the request was sent to. A request with neither cannot be shown to be same-origin and is
 * refused: a cross-site form could otherwise sign a victim into an attacker's account.
 */
export function isSameOriginRequest(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return false;
  const origin = headers.get("origin");
  if (!origin) return site === "same-origin";
  let originUrl: URL;
  try {
    originUrl = new URL(origin);
  } catch {
    return false;
  }
  if (originUrl.origin === new URL(getConfig().appUrl).origin) return true;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return Boolean(host) && originUrl.host === host;
}

export type BodyKind = "json" | "form";

export type ParsedBody =
  | { ok: true; kind: BodyKind; fields: Record<string, unknown> }
  | { ok: false; status: 400 | 413 | 415; message: string };

/**
 * The request body as a plain object: JSON (from our own fetch) or a URL-encoded form (the same
 * form submitted before JavaScript has loaded). Anything else, a body over the limit, malformed
 * JSON or a JSON value that is not an object is a 4xx with a message, never a 500.
 */
export async function readRouteBody(request: Request): Promise<ParsedBody> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const kind: BodyKind | null = type === "application/json" ? "json" : type === "application/x-www-form-urlencoded" ? "form" : null;
  if (!kind) return { ok: false, status: 415, message: "Send the form as JSON or URL-encoded." };
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > ROUTE_BODY_LIMIT_BYTES) return tooLarge();
  const text = await readTextWithin(request, ROUTE_BODY_LIMIT_BYTES);
  if (text === null) return tooLarge();
  if (kind === "form") return { ok: true, kind, fields: Object.fromEntries(new URLSearchParams(text)) };
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return { ok: false, status: 400, message: "Send the form's fields as a JSON object." };
    }
    return { ok: true, kind, fields: value as Record<string, unknown> };
  } catch {
    return { ok: false, status: 400, message: "The request body is not valid JSON." };
  }
}

function tooLarge(): ParsedBody {
  return { ok: false, status: 413, message: "The request is too large." };
}

/** The body as text, or null once it passes `limit` bytes (a chunked body has no Content-Length to trust). */
async function readTextWithin(request: Request, limit: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
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
  return Buffer.concat(chunks).toString("utf8");
}
