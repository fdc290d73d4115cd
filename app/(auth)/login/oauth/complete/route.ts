import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/lib/security/config";
import { withStrictTransportSecurity } from "@/lib/security/core/headers";
import { requestContextFrom } from "@/lib/security/core/request-context";
import { completeOAuth } from "@/lib/security/sign-in/oauth-round-trip";

/**
 * GET /login/oauth/complete: where next-auth sends the browser after a provider's answer — with the
 * verified identity in a signed one-minute cookie, or `?error=` (the provider's error or the user's
 * cancel, or next-auth's own refusal: a state or PKCE check that failed). The flow decides where
 * the browser goes: the next page, a second factor, or the page the round trip began on with a notice.
 */
export async function GET(request: NextRequest): Promise<Response> {
  const error = request.nextUrl.searchParams.get("error");
  const to = await completeOAuth(error === null ? null : error === "cancelled" ? "cancelled" : "provider", requestContextFrom(request.headers));
  const response = NextResponse.redirect(new URL(to, getConfig().appUrl), 303);
  for (const [name, value] of withStrictTransportSecurity({ "Cache-Control": "private, no-store" })) response.headers.set(name, value);
  return response;
}
