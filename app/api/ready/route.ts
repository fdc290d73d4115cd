import { readiness } from "@/lib/observability/readiness";

/**
 * Readiness: send traffic here? 200 when the database answers, its migrations are the ones this
 * code knows and mail has a transport; 503 otherwise, with which check failed (names, no details).
 */
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const result = await readiness();
  return Response.json(
    { status: result.ready ? "ready" : "not ready", checks: result.checks },
    { status: result.ready ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
