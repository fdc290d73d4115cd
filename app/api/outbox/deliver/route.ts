import { NextResponse, type NextRequest } from "next/server";
import { deliverOutbox } from "@/lib/outbox/deliver";
import { refuseUnlessCron } from "@/lib/security/core/cron";

/**
 * The outbox worker for serverless hosts, where no process lives long enough to run the
 * background pass (lib/outbox/worker.ts): call it from a cron job with
 * `Authorization: Bearer <CRON_SECRET>` (Vercel Cron sends exactly that). Absent without CRON_SECRET.
 */
async function deliver(request: NextRequest): Promise<Response> {
  const refused = refuseUnlessCron(request);
  if (refused) return refused;
  const report = await deliverOutbox({ limit: 200 });
  return NextResponse.json(report, { headers: { "cache-control": "no-store" } });
}

export const GET = deliver;
export const POST = deliver;
