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

export function GET(request: NextRequest): Promise<Response> | Response {
  if (isSessionEndpoint(request)) return NextResponse.json(null, CLOSED);
  return getIssuer().handlers.GET(request);
}

export function POST(request: NextRequest): Promise<Response> | Response {
  if (isSessionEndpoint(request)) return NextResponse.json(null, CLOSED);
  return getIssuer().handlers.POST(request);
}
