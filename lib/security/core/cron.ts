import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { getConfig } from "../config";
import { constantTimeEqual } from "./crypto";

/**
 * The gate of the cron routes (outbox delivery, housekeeping): `Authorization: Bearer
 * <CRON_SECRET>`, which Vercel Cron sends. Without CRON_SECRET the routes do not exist (404);
 * with a wrong or missing bearer they answer 401. Returns the refusal, or null to go on.
 */
export function refuseUnlessCron(request: NextRequest): Response | null {
  const secret = getConfig().outbox.cronSecret;
  const given = request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
  if (!secret) return NextResponse.json({ error: "not found" }, { status: 404 });
  if (!constantTimeEqual(given, secret)) return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  return null;
}
