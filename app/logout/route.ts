import { NextResponse } from "next/server";
import { getConfig } from "@/lib/security/config";
import { withStrictTransportSecurity } from "@/lib/security/core/headers";
import { postLogoutRedirect } from "@/lib/security/core/redirects";
import { isSameOriginRequest, readRouteBody } from "@/lib/security/core/route-input";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { signOut } from "@/lib/security/sessions/sign-out";

/**
 * /logout for links and plain forms (the header's button is a server action). The methods are
 * SECURITY_LOGOUT_METHODS (default POST: a GET is 405, so a link or an <img> on any page cannot
 * sign anyone out). With GET allowed, a GET that the browser says comes from another site is
 * still refused (decision 047). `?next=` (a path of this site) is where to go afterwards, else
 * SECURITY_POST_LOGOUT_VIEW.
 */
async function logout(next: unknown): Promise<Response> {
  // The session's context: signing out of a view-as session is its administrator's doing (decision 058).
  await signOut(await currentRequestContext());
  const response = NextResponse.redirect(new URL(postLogoutRedirect(next), getConfig().appUrl), 303);
  for (const [name, value] of withStrictTransportSecurity({ "Cache-Control": "private, no-store" })) response.headers.set(name, value);
  return response;
}

function refused(status: 403 | 405, message: string): Response {
  const allow = getConfig().forms.logoutMethods.join(", ");
  return new NextResponse(message, { status, headers: { Allow: allow, "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" } });
}

export async function GET(request: Request): Promise<Response> {
  if (!getConfig().forms.logoutMethods.includes("GET")) return refused(405, "Sign out with the button (POST).");
  if (request.headers.get("sec-fetch-site") === "cross-site") return refused(403, "A link on another site cannot sign you out.");
  return logout(new URL(request.url).searchParams.get("next"));
}

export async function POST(request: Request): Promise<Response> {
  if (!getConfig().forms.logoutMethods.includes("POST")) return refused(405, "This site signs out by GET /logout.");
  if (!isSameOriginRequest(request.headers)) return refused(403, "Cross-site requests are refused.");
  const body = await readRouteBody(request);
  if (!body.ok) return new NextResponse(body.message, { status: body.status, headers: { "Cache-Control": "private, no-store" } });
  return logout(new URL(request.url).searchParams.get("next") ?? body.fields.next);
}
