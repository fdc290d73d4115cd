import { NextResponse, type NextRequest } from "next/server";
import { getIssuer } from "@/lib/security/sessions/issuer";

// next-auth's endpoints (OAuth callbacks, CSRF). Sign-in and sign-out for our own pages go
// through server actions; this is the issuer's HTTP surface.

/**
 * next-auth's session endpoint re-issues its cookie — Gatehouse's session cookie — with a fresh
 * 30-day expiry on every call, even for a browser-session ("keep me signed in" off) sign-in.
 * Gatehouse reads sessions itself (lib/security/sessions/current.ts), so this endpoint is closed:
 * it answers without touching any cookie.
 */
function isSessionEndpoint(request: NextRequest): boolean {
  return /\/api\/auth\/session\/?$/.test(request.nextUrl.pathname);
}

const CLOSED = { headers: { "cache-control": "private, no-store" }, status: 404 } as const;

/**
 * A provider that answers its callback with an error (RFC 6749 §4.1.2.1) — `access_denied` when
 * the user pressed cancel — goes to /login/oauth/complete with our own word for it: next-auth would
 * report both as the same error, and the user should be told which one happened.
 */
function providerError(request: NextRequest): string | null {
  if (!/\/api\/auth\/callback\/[^/]+\/?$/.test(request.nextUrl.pathname)) return null;
  const error = request.nextUrl.searchParams.get("error");
  if (error === null) return null;
  return error === "access_denied" ? "cancelled" : "provider";
}

export function GET(request: NextRequest): Promise<Response> | Response {
  if (isSessionEndpoint(request)) return NextResponse.json(null, CLOSED);
  const error = providerError(request);
  if (error) return NextResponse.redirect(new URL(`/login/oauth/complete?error=${error}`, request.nextUrl), 303);
  return getIssuer().handlers.GET(request);
}

export function POST(request: NextRequest): Promise<Response> | Response {
  if (isSessionEndpoint(request)) return NextResponse.json(null, CLOSED);
  return getIssuer().handlers.POST(request);
}
