/**
 * Liveness: the process is up and serving. No database, no config, no secrets — a load balancer
 * or orchestrator restarts the instance when this stops answering, so it must not fail when only
 * the database is down (that is /api/ready's question).
 */
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
