/**
 * Housekeeping from a cron job: `npm run db:prune` deletes the rows nothing can use any more
 * (lib/security/core/prune.ts), in batches, and prints one summary line. `--dry-run` counts
 * instead of deleting. Exit code 0 when it ran (whatever it found); 1 on a crash.
 */
import { closeDb, getDb } from "../lib/db";
import { pruneAll, type PruneCounts } from "../lib/security/core/prune";

function summary(counts: PruneCounts, dryRun: boolean, ms: number): string {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const parts = Object.entries(counts).map(([table, n]) => `${table} ${n}`);
  return `db:prune: ${total} rows ${dryRun ? "would go" : "pruned"} (${parts.join(", ")}) in ${ms} ms${dryRun ? " [dry run]" : ""}`;
}

async function main(): Promise<void> {
  const dryRun = process.argv.includes("--dry-run");
  await getDb(); // opening (and, on PGlite, starting) the database is not the prune's time
  const started = Date.now();
  const counts = await pruneAll({ dryRun });
  console.log(summary(counts, dryRun, Date.now() - started));
  await closeDb();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
