import { NextResponse } from "next/server";
import { getConfig } from "@/lib/security/config";
import { withStrictTransportSecurity } from "@/lib/security/core/headers";
import { safeRedirectPath } from "@/lib/security/core/redirects";
import { isSameOriginRequest, readRouteBody } from "@/lib/security/core/route-input";
import { parseTheme, THEME_COOKIE, THEME_COOKIE_MAX_AGE_SECONDS } from "@/lib/view/theme";

/**
 * The header's theme switch (a plain form, components/theme-switch.tsx). Sets the cookie ("system"
 * removes it: the page follows the operating system again) and sends the browser back to the page
 * it came from, whose first script applies the theme. The cookie is a preference, not a secret, and
 * that script must read it: not HttpOnly (decision 067).
 */
export async function POST(request: Request): Promise<Response> {
  const headers = withStrictTransportSecurity({ "Cache-Control": "private, no-store" });
  if (!isSameOriginRequest(request.headers)) return new NextResponse("Cross-site requests are refused.", { status: 403, headers });
  const body = await readRouteBody(request);
  if (!body.ok) return new NextResponse(body.message, { status: body.status, headers });
  const theme = parseTheme(body.fields.theme);
  const response = NextResponse.redirect(new URL(backTo(request), getConfig().appUrl), { status: 303, headers });
  if (theme === "system") response.cookies.delete(THEME_COOKIE);
  else response.cookies.set(THEME_COOKIE, theme, { path: "/", sameSite: "lax", secure: getConfig().secureCookies, maxAge: THEME_COOKIE_MAX_AGE_SECONDS });
  return response;
}

/** The page the switch was pressed on (the Referer's path on this site), else the home page. */
function backTo(request: Request): string {
  const referer = request.headers.get("referer");
  if (!referer) return "/";
  try {
    const url = new URL(referer);
    const ours = url.host === new URL(request.url).host || url.origin === new URL(getConfig().appUrl).origin;
    return ours ? (safeRedirectPath(`${url.pathname}${url.search}`) ?? "/") : "/";
  } catch {
    return "/";
  }
}
