import { NextResponse, type NextRequest } from "next/server";
import { refuseUnlessCron } from "@/lib/security/core/cron";
import { pruneAll } from "@/lib/security/core/prune";

/**
 * Housekeeping for serverless hosts (lib/security/core/prune.ts; `npm run db:prune` elsewhere):
 * call it from a cron job with `Authorization: Bearer <CRON_SECRET>`. Absent without CRON_SECRET.
 * At most MAX_BATCHES batches per table per call, so a backlog is worked off over several calls
 * inside a serverless time limit rather than in one that is cut off.
 */
const MAX_BATCHES = 20;

async function prune(request: NextRequest): Promise<Response> {
  const refused = refuseUnlessCron(request);
  if (refused) return refused;
  const pruned = await pruneAll({ maxBatches: MAX_BATCHES });
  return NextResponse.json({ pruned }, { headers: { "cache-control": "no-store" } });
}

export const GET = prune;
export const POST = prune;
