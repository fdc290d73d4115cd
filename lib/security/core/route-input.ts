import "server-only";
import { BODY_LIMIT_BYTES, declaresTooLarge, isSameOriginRequest, readBytesWithin } from "./request-checks";

/**
 * What every mutating route handler does before the core sees a request: it must come from one of
 * our own pages (server actions get this check from Next; route handlers do it here, DESIGN.md
 * principle 5), and its body must be a bounded JSON object or form.
 */

/** Same bound as server actions (next.config.mjs): a 1 MB field still reaches our validation. */
export const ROUTE_BODY_LIMIT_BYTES = BODY_LIMIT_BYTES;

export { isSameOriginRequest };

export type BodyKind = "json" | "form";

export type ParsedBody = { ok: true; kind: BodyKind; fields: Record<string, unknown> } | { ok: false; status: 400 | 413 | 415; message: string };

/**
 * The request body as a plain object: JSON (from our own fetch) or a URL-encoded form (the same
 * form submitted before JavaScript has loaded). Anything else, a body over the limit, malformed
 * JSON or a JSON value that is not an object is a 4xx with a message, never a 500.
 */
export async function readRouteBody(request: Request): Promise<ParsedBody> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const kind: BodyKind | null = type === "application/json" ? "json" : type === "application/x-www-form-urlencoded" ? "form" : null;
  if (!kind) return { ok: false, status: 415, message: "Send the form as JSON or URL-encoded." };
  if (declaresTooLarge(request.headers)) return tooLarge();
  const bytes = await readBytesWithin(request.body);
  if (bytes === null) return tooLarge();
  const text = new TextDecoder().decode(bytes);
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
