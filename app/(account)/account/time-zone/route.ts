import { NextResponse } from "next/server";
import { setUserTimeZone } from "@/lib/security/accounts/time-zone";
import { isSameOriginRequest, readRouteBody } from "@/lib/security/core/route-input";
import { getSession } from "@/lib/security/sessions/current";

/**
 * POST { timeZone: "Europe/Paris" }: the account page's script reports the browser's time zone
 * when it differs from the stored one (decision 066). The signed-in user's own account only (the
 * session says whose, never the body); a name that is no IANA zone is a 400 and writes nothing.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isSameOriginRequest(request.headers)) return answer(403, "Cross-site requests are refused.");
  const current = await getSession();
  if (!current) return answer(401, "Sign in first.");
  // An administrator viewing the app as the user is in their own zone, not the user's (decision 058).
  if (current.session.impersonatorId) return answer(403, "Viewing as someone else does not change their settings.");
  const body = await readRouteBody(request);
  if (!body.ok) return answer(body.status, body.message);
  const stored = await setUserTimeZone(current.user.id, body.fields.timeZone);
  if (!stored) return answer(400, "That is not a time zone.");
  return NextResponse.json({ timeZone: stored }, { headers: { "Cache-Control": "private, no-store" } });
}

function answer(status: number, message: string): Response {
  return NextResponse.json({ error: message }, { status, headers: { "Cache-Control": "private, no-store" } });
}
