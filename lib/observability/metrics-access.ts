import "server-only";
import { getConfig } from "@/lib/security/config";
import { constantTimeEqual } from "@/lib/security/core/crypto";
import { getSession } from "@/lib/security/sessions/current";
import { metricsRegistry } from "./metrics";
import { operationsSettings } from "./settings";

/** Set by server/serve.mjs in a worker of the cluster supervisor. */
const CLUSTER_METRICS = Symbol.for("gatehouse.clusterMetrics");

/**
 * GET /api/metrics. Counts and latencies say how busy the service is and how sign-ins fail, which
 * is an attacker's feedback too, so the scrape needs `Authorization: Bearer $METRICS_TOKEN` or a
 * session with the admin role. Not rate-limited (a scraper calls it every few seconds).
 */
export async function metricsResponse(request: Request): Promise<Response> {
  const denied = await refusal(request.headers);
  if (denied) return new Response(`${denied === 401 ? "unauthorized" : "forbidden"}\n`, { status: denied, headers: { "cache-control": "no-store" } });
  const registry = metricsRegistry();
  // Under the cluster supervisor (server/start.mjs): every worker's registry, summed.
  const clusterMetrics = (globalThis as Record<symbol, (() => Promise<string>) | undefined>)[CLUSTER_METRICS];
  return new Response(clusterMetrics ? await clusterMetrics() : await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
}

async function refusal(headers: Headers): Promise<401 | 403 | null> {
  const { metricsToken } = operationsSettings();
  const bearer = headers.get("authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer !== undefined) return metricsToken && constantTimeEqual(bearer, metricsToken) ? null : 403;
  const current = await getSession();
  if (!current) return 401;
  return current.authorization.roles.includes(getConfig().adminRole) ? null : 403;
}
