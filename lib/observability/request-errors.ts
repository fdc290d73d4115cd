import { isDatabaseUnavailable } from "./database-errors";
import { logger } from "./logger";
import { currentRequestStore } from "./request-store";

/** From instrumentation's onRequestError: mark an unreachable database (→ 503), log the rest. */
export function reportRequestError(error: unknown, where: { path: string; method: string; routePath: string; routeType: string }): void {
  const store = currentRequestStore();
  const err = describe(error);
  if (isDatabaseUnavailable(error)) {
    if (store) store.databaseUnavailable = true;
    logger().warn({ msg: "database unavailable", route: where.routePath, requestId: store?.requestId, err });
    return;
  }
  // The route pattern, not the path: a path can carry a link token.
  logger().error({ msg: "request failed", method: where.method, route: where.routePath, routeType: where.routeType, requestId: store?.requestId, err });
}

/**
 * Name, code and message, without drizzle's "Failed query: <sql> params: <values>" wrapper: the
 * parameters are user data (emails, hashes), so the driver's own error (its `cause`) is logged.
 */
function describe(error: unknown): { name?: string; code?: unknown; message: string } {
  let e = error;
  if (e instanceof Error && e.message.startsWith("Failed query") && e.cause) e = e.cause;
  if (e instanceof Error) return { name: e.name, code: (e as { code?: unknown }).code, message: e.message };
  return { message: typeof e === "string" ? e : "non-error thrown" };
}
