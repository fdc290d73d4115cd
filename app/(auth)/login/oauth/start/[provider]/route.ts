import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "@/lib/security/config";
import { withStrictTransportSecurity } from "@/lib/security/core/headers";
import { isSameOriginRequest, readRouteBody } from "@/lib/security/core/route-input";
import { OAUTH_INTENTS, type OAuthIntent } from "@/lib/security/sessions/oauth-handoff";
import { startOAuth } from "@/lib/security/sign-in/oauth-round-trip";

/**
 * POST /login/oauth/start/<provider>: the "Continue with <provider>" buttons of /login, /verify and
 * /account/connections (a plain form: intent, next). A POST from our own origin only, so another
 * site cannot start a round trip in this browser; the answer is a 303 to the provider.
 */
const HOME: Record<OAuthIntent, string> = { login: "/login", link: "/account/connections", verify: "/verify" };

export async function POST(request: NextRequest, { params }: { params: Promise<{ provider: string }> }): Promise<Response> {
  const base = getConfig().appUrl;
  if (!isSameOriginRequest(request.headers)) return NextResponse.json({ message: "Cross-site requests are refused." }, { status: 403 });
  const body = await readRouteBody(request);
  if (!body.ok) return NextResponse.json({ message: body.message }, { status: body.status });
  const intent = OAUTH_INTENTS.find((i) => i === body.fields.intent) ?? "login";
  const { provider } = await params;
  const started = await startOAuth(provider, intent, body.fields.next);
  if (started.ok) return noStore(NextResponse.redirect(started.url, 303));
  const back = new URL(HOME[intent], base);
  if (started.code === "ANONYMOUS_USER_REQUIRED") return noStore(NextResponse.redirect(new URL(getConfig().views.postLogin, base), 303));
  if (started.code === "UNAUTHENTICATED") back.pathname = "/login";
  if (started.code === "REAUTHENTICATION_REQUIRED") {
    back.pathname = "/verify";
    back.searchParams.set("next", HOME[intent]);
  } else back.searchParams.set("notice", started.code);
  return noStore(NextResponse.redirect(back, 303));
}

function noStore(response: NextResponse): NextResponse {
  for (const [name, value] of withStrictTransportSecurity({ "Cache-Control": "private, no-store" })) response.headers.set(name, value);
  return response;
}
