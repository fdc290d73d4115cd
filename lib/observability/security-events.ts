import "server-only";
import { onSecurityEvent, type SecurityEvent } from "@/lib/security/core/events";
import { logger, REDACTED_KEYS } from "./logger";
import { countSignIn } from "./metrics";

const OBSERVED = Symbol.for("gatehouse.observedEventModules");

/**
 * One log line and the sign-in counters for every security event. Next compiles the app (pages,
 * actions, route handlers: the react-server layer) and instrumentation separately, so
 * lib/security/events.ts and its subscriber list exist once per layer: a subscriber added at
 * start-up alone never hears the app's events. So this runs in each: from lib/startup.ts, and when
 * the app first loads lib/observability/request-log.ts (imported by lib/security/current-user.ts,
 * which every page, action and sign-in route uses). Once per copy of events.ts, keyed by its
 * `onSecurityEvent` function.
 */
export function observeSecurityEvents(): void {
  const store = globalThis as Record<symbol, WeakSet<object> | undefined>;
  const seen = (store[OBSERVED] ??= new WeakSet());
  if (seen.has(onSecurityEvent)) return;
  seen.add(onSecurityEvent);
  onSecurityEvent("*", observeSecurityEvent);
}

function observeSecurityEvent(event: SecurityEvent): void {
  if (event.type === "user_authenticated") countSignIn(event.data.authnVia, "success");
  if (event.type === "user_failed_authn") countSignIn(event.data.authType, "failure");
  logger().info({ msg: "security event", event: event.type, userId: event.userId, ip: event.ip, data: withoutSecrets(event.data) });
}

/** Event data holds no secrets today; a key that could hold one in future is dropped, not logged. */
function withoutSecrets(data: Record<string, unknown>): Record<string, unknown> {
  const risky = new RegExp(REDACTED_KEYS.join("|"), "i");
  return Object.fromEntries(Object.entries(data).filter(([key]) => !risky.test(key)));
}
