import { metricsResponse } from "@/lib/observability/metrics-access";

/** Prometheus scrape target: a bearer token (METRICS_TOKEN) or an admin session (lib/observability/metrics-access.ts). */
export const dynamic = "force-dynamic";

export const GET = metricsResponse;
