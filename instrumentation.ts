import type { Instrumentation } from "next";

/**
 * Runs once when a server instance starts. The Node-only work lives in lib/startup.ts so the
 * Edge compilation of this file stays clean.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startInstance } = await import("./lib/startup");
    await startInstance();
  }
}

/**
 * Next calls this for every error a page, action or route handler throws, before it answers 500.
 * An unreachable database is marked on the request, so the server entry answers 503 + Retry-After
 * instead (server/start.mjs); everything else is logged with the request id.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { reportRequestError } = await import("./lib/observability/request-errors");
  reportRequestError(error, { path: request.path, method: request.method, routePath: context.routePath, routeType: context.routeType });
};
