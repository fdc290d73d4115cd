import type { NextRequest } from "next/server";
import { getIssuer } from "@/lib/security/issuer";

// next-auth's endpoints (OAuth callbacks, CSRF, session). Sign-in and sign-out for our own
// pages go through server actions; this is the issuer's HTTP surface.
export function GET(request: NextRequest): Promise<Response> {
  return getIssuer().handlers.GET(request);
}

export function POST(request: NextRequest): Promise<Response> {
  return getIssuer().handlers.POST(request);
}
