/**
 * `gatehouse db migrate|prune` and `gatehouse keys rotate`, also run as `npm run db:migrate`,
 * `db:prune` and `keys:rotate`. They use the app's DATABASE_URL / PGLITE_DIR; with PGlite, stop the
 * app first (one process per folder).
 */
import type { Command } from "commander";
import { databaseDriver, getDb } from "../../lib/db";
import { ensureAdminRole } from "../../lib/security/accounts/admin-role";
import { currentKeyId, keyIds } from "../../lib/security/core/encryption";
import { ROTATION_BATCH_SIZE, rotateSecrets, rowsNotUnderNewestKey } from "../../lib/security/core/key-rotation";
import { pruneAll } from "../../lib/security/core/prune";
import { action, done, UsageError, type Answer } from "./io";

async function migrate(): Promise<Answer> {
  process.env.DATABASE_MIGRATE_ON_START = "true";
  await getDb();
  // An existing admin role gets the console's permissions here too (decision 040), as at every start.
  const granted = await ensureAdminRole();
  return done(`migrations applied (${databaseDriver()})${granted ? "; the admin role holds the console's permissions" : ""}`, {
    driver: databaseDriver(),
    adminRoleUpdated: granted,
  });
}

/** Housekeeping from a cron job (lib/security/core/prune.ts): one summary line, exit 0 whatever it found. */
async function prune(_args: string[], o: { dryRun?: boolean }): Promise<Answer> {
  const dryRun = o.dryRun ?? false;
  await getDb(); // opening (and, on PGlite, starting) the database is not the prune's time
  const started = Date.now();
  const counts = await pruneAll({ dryRun });
  const ms = Date.now() - started;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const parts = Object.entries(counts).map(([table, n]) => `${table} ${n}`);
  const text = `db:prune: ${total} rows ${dryRun ? "would go" : "pruned"} (${parts.join(", ")}) in ${ms} ms${dryRun ? " [dry run]" : ""}`;
  return done(text, { dryRun, total, counts, ms });
}

/**
 * Re-encrypts every secret at rest under the newest key and rewrites recovery-code look-up hashes
 * (README, "Rotating secrets"). Safe while the app serves traffic (PostgreSQL) and to run again.
 * Exit 1 when some rows are under a key that is not configured.
 */
async function rotate(_args: string[], o: { dryRun?: boolean; batchSize: string }): Promise<Answer> {
  const dryRun = o.dryRun ?? false;
  const batchSize = Number(o.batchSize);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError("--batch-size must be a positive whole number");
  const lines = [`Key ring (newest first): ${keyIds().join(", ")} — database: ${databaseDriver()}${dryRun ? " — dry run, nothing is written" : ""}`];
  const reports = await rotateSecrets({ dryRun, batchSize });
  let rotated = 0;
  const unavailable = new Map<string, number>();
  for (const r of reports) {
    const bad = Object.entries(r.unavailable);
    for (const [id, n] of bad) unavailable.set(id, (unavailable.get(id) ?? 0) + n);
    rotated += r.rotated;
    const badText = bad.length ? `, ${bad.map(([id, n]) => `${n} under unknown key ${id}`).join(", ")}` : "";
    lines.push(`  ${r.table.padEnd(16)} ${String(r.rows).padStart(7)} rows, ${r.rotated} ${dryRun ? "to re-encrypt" : "re-encrypted"}${badText}`);
  }
  lines.push(`${rotated} row(s) ${dryRun ? "would be re-encrypted" : "re-encrypted"} under ${currentKeyId()}.`);
  const json = { dryRun, rotated, key: currentKeyId(), tables: reports, unavailable: Object.fromEntries(unavailable) };
  if (unavailable.size) {
    const list = [...unavailable].map(([id, n]) => `${id} (${n})`).join(", ");
    const refusal = `Not decryptable with the configured keys: ${list}. Add those keys to SECURITY_ENCRYPTION_KEYS (behind the newest) and run again.`;
    return done(lines.join("\n"), json, refusal);
  }
  if (!dryRun) {
    const left = await rowsNotUnderNewestKey();
    lines.push(left ? `${left} row(s) changed under another key meanwhile: run again.` : "Every secret is under the newest key: older keys can be removed.");
  }
  return done(lines.join("\n"), json);
}

export function maintenanceCommands(program: Command): void {
  const db = program.command("db").description("the database: migrations and housekeeping");
  db.command("migrate").description("apply the committed migrations and exit (before starting new app instances)").action(action(migrate));
  db.command("prune")
    .description("delete the rows nothing can use any more, in batches")
    .option("--dry-run", "count instead of deleting")
    .action(action(prune));
  const keys = program.command("keys").description("encryption keys of the secrets at rest");
  keys
    .command("rotate")
    .description("re-encrypt every secret under the newest key of SECURITY_ENCRYPTION_KEYS")
    .option("--dry-run", "count only")
    .option("--batch-size <n>", "rows per transaction", String(ROTATION_BATCH_SIZE))
    .action(action(rotate));
}
