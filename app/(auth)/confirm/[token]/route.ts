import { NextResponse, type NextRequest } from "next/server";
import { confirmEmail } from "@/lib/security/confirm";
import { getConfig } from "@/lib/security/config";
import { requestContextFrom } from "@/lib/security/request-context";

/** The emailed confirmation link. Outcomes are shown on /login (success) or /confirm (errors). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ token: string }> }): Promise<NextResponse> {
  const { token } = await params;
  const result = await confirmEmail(token, requestContextFrom(request.headers));
  const base = getConfig().appUrl;
  if (result.ok) return NextResponse.redirect(new URL("/login?notice=EMAIL_CONFIRMED", base), 303);
  const target = result.code === "ALREADY_CONFIRMED" ? "/login" : "/confirm";
  return NextResponse.redirect(new URL(`${target}?notice=${result.code}`, base), 303);
}
