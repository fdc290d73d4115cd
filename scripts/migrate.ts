/**
 * Applies the committed migrations to DATABASE_URL (or the PGlite folder) and exits.
 * Run before starting new app instances in production: `npm run db:migrate`.
 */
import { closeDb, databaseDriver, getDb } from "../lib/db";

async function main(): Promise<void> {
  process.env.DATABASE_MIGRATE_ON_START = "true";
  await getDb();
  console.log(`migrations applied (${databaseDriver()})`);
  await closeDb();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
