import { NextResponse, type NextRequest } from "next/server";
import { deliverOutbox } from "@/lib/outbox/deliver";
import { getConfig } from "@/lib/security/config";
import { constantTimeEqual } from "@/lib/security/core/crypto";

/**
 * The outbox worker for serverless hosts, where no process lives long enough to run the
 * background pass (lib/outbox/worker.ts): call it from a cron job with
 * `Authorization: Bearer <CRON_SECRET>` (Vercel Cron sends exactly that). Absent without CRON_SECRET.
 */
async function deliver(request: NextRequest): Promise<Response> {
  const secret = getConfig().outbox.cronSecret;
  const given = request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
  if (!secret) return NextResponse.json({ error: "not found" }, { status: 404 });
  if (!constantTimeEqual(given, secret)) return NextResponse.json({ error: "unauthorized" }, { status: 401 });
  const report = await deliverOutbox({ limit: 200 });
  return NextResponse.json(report, { headers: { "cache-control": "no-store" } });
}

export const GET = deliver;
export const POST = deliver;
