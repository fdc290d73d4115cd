import { ConfigError, loadConfig } from "@/lib/security/config";
import { databaseDriver, getDb } from "@/lib/db";
import { checkKeysInUse } from "@/lib/security/key-rotation";

/**
 * Validate the configuration (a bad value stops the start with a clear message, not a broken
 * first request) and start opening the database so migrations run before the first query.
 */
export async function startInstance(): Promise<void> {
  try {
    loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`\n${error.message}\n\nSee .env.example for every variable.\n`);
      process.exit(1);
    }
    throw error;
  }
  // Not awaited: Next serves no request until this returns, and the first pages people open
  // (home, sign-in) need no query for a visitor. Every query goes through getDb(), which waits
  // for this same open and migration, so none runs early. An open that fails is logged here
  // and retried by the next query.
  getDb().then(
    () => {
      console.log(`[gatehouse] database ready (${databaseDriver()})`);
      // Secrets under a key that is not configured would fail sign-ins one by one: say so now.
      checkKeysInUse().catch((error: unknown) => console.error("[gatehouse] could not check the encryption keys in use:", error));
    },
    (error: unknown) => console.error("[gatehouse] could not open the database:", error),
  );
}
