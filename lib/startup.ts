import { ConfigError, getConfig, loadConfig } from "@/lib/security/config";
import { closeDb, DatabaseAheadError, databaseDriver, getDb } from "@/lib/db";
import { logger } from "@/lib/observability/logger";
import { startObservability } from "@/lib/observability/operations";
import { operationsSettings } from "@/lib/observability/settings";
import { startOutboxWorker, stopOutboxWorker } from "@/lib/outbox/worker";
import { ensureAdminRole } from "@/lib/security/accounts/admin-role";
import { checkKeysInUse } from "@/lib/security/core/key-rotation";
import { clientIpSource } from "@/lib/security/core/request-context";

/** Where the server entry (server/start.mjs) finds the app's clean-up for a graceful shutdown. */
const SHUTDOWN_HOOK = Symbol.for("gatehouse.shutdown");

/**
 * Validate the configuration (a bad value stops the start with a clear message, not a broken
 * first request) and start opening the database so migrations run before the first query.
 */
export async function startInstance(): Promise<void> {
  try {
    loadConfig();
    operationsSettings();
  } catch (error) {
    if (error instanceof ConfigError || (error instanceof Error && /^[A-Z_]+: /.test(error.message))) {
      console.error(`\n${error.message}\n\nSee .env.example for every variable.\n`);
      process.exit(1);
    }
    throw error;
  }
  reportClientIp();
  startObservability();
  (globalThis as Record<symbol, unknown>)[SHUTDOWN_HOOK] = async () => {
    // Rows this instance claimed but did not finish are due again when their lease lapses.
    stopOutboxWorker();
    await closeDb();
  };
  // Not awaited: Next serves no request until this returns, and the first pages people open
  // (home, sign-in) need no query for a visitor. Every query goes through getDb(), which waits
  // for this same open and migration, so none runs early. An open that fails is logged here
  // and retried by the next query.
  getDb().then(
    () => {
      console.log(`[gatehouse] database ready (${databaseDriver()})`);
      // Retries and leftovers of the outbox; each response's own after() delivers the rest.
      startOutboxWorker();
      // The admin role holds the console's permissions, also on a database from before them (decision 040).
      ensureAdminRole().catch((error: unknown) => console.error("[gatehouse] could not grant the admin role its permissions:", error));
      // Secrets under a key that is not configured would fail sign-ins one by one: say so now.
      checkKeysInUse().catch((error: unknown) => console.error("[gatehouse] could not check the encryption keys in use:", error));
    },
    (error: unknown) => {
      // Newer migrations than this code: every query would meet a schema it was not written for.
      if (error instanceof DatabaseAheadError) {
        logger().fatal({ msg: "refusing to start", reason: error.message });
        console.error(`\n[gatehouse] refusing to start: ${error.message}\n`);
        process.exit(1);
      }
      console.error("[gatehouse] could not open the database:", error);
    },
  );
}

/** Which address the rate limits see; loud when a client could choose its own. */
function reportClientIp(): void {
  const source = clientIpSource();
  if (source) {
    console.log(`[gatehouse] ${source}`);
  } else if (getConfig().production) {
    console.warn(
      [
        "",
        "[gatehouse] WARNING: TRUST_PROXY=0 but the app was not started by its server entry (npm start / node server/start.mjs).",
        "  Next.js does not give the app the socket address, so the client IP comes from X-Forwarded-For, which any",
        "  client can set: per-IP rate limits can be dodged with a new header per request. Start with `npm start`,",
        "  or put a proxy that overwrites X-Forwarded-For in front and set TRUST_PROXY=1 (README, 'Client addresses').",
        "",
      ].join("\n"),
    );
  } else {
    console.log("[gatehouse] client IP: X-Forwarded-For as Next fills it (development; see README, 'Client addresses')");
  }
}
