import { ConfigError, loadConfig } from "@/lib/security/config";
import { databaseDriver, getDb } from "@/lib/db";

/**
 * Validate the configuration (a bad value stops the start with a clear message, not a broken
 * first request) and open the database so migrations run before the first request.
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
  await getDb();
  console.log(`[gatehouse] database ready (${databaseDriver()})`);
}
