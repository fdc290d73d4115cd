/**
 * Re-encrypts every secret at rest under the newest key and rewrites recovery-code look-up hashes
 * (README, "Rotating secrets"). Uses the app's DATABASE_URL / PGLITE_DIR and keys:
 *   npm run keys:rotate -- --dry-run       # counts only
 *   npm run keys:rotate [-- --batch-size 200]
 * Safe to run while the app serves traffic (PostgreSQL) and to run again. With PGlite, stop the
 * app first: one process per PGlite folder.
 */
import { parseArgs } from "node:util";
import { closeDb, databaseDriver } from "../lib/db";
import { currentKeyId, keyIds } from "../lib/security/core/encryption";
import { ROTATION_BATCH_SIZE, rotateSecrets, rowsNotUnderNewestKey } from "../lib/security/core/key-rotation";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { "dry-run": { type: "boolean" }, "batch-size": { type: "string" } } });
  const dryRun = values["dry-run"] ?? false;
  const batchSize = Number(values["batch-size"] ?? ROTATION_BATCH_SIZE);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error("--batch-size must be a positive whole number");
  console.log(`Key ring (newest first): ${keyIds().join(", ")} — database: ${databaseDriver()}${dryRun ? " — dry run, nothing is written" : ""}`);
  const reports = await rotateSecrets({ dryRun, batchSize });
  let rotated = 0;
  const unavailable = new Map<string, number>();
  for (const r of reports) {
    const bad = Object.entries(r.unavailable);
    for (const [id, n] of bad) unavailable.set(id, (unavailable.get(id) ?? 0) + n);
    rotated += r.rotated;
    const badText = bad.length ? `, ${bad.map(([id, n]) => `${n} under unknown key ${id}`).join(", ")}` : "";
    console.log(`  ${r.table.padEnd(16)} ${String(r.rows).padStart(7)} rows, ${r.rotated} ${dryRun ? "to re-encrypt" : "re-encrypted"}${badText}`);
  }
  const verb = dryRun ? "would be re-encrypted" : "re-encrypted";
  console.log(`${rotated} row(s) ${verb} under ${currentKeyId()}.`);
  if (unavailable.size) {
    const list = [...unavailable].map(([id, n]) => `${id} (${n})`).join(", ");
    console.error(`Not decryptable with the configured keys: ${list}. Add those keys to SECURITY_ENCRYPTION_KEYS (behind the newest) and run again.`);
    return 1;
  }
  if (!dryRun) {
    const left = await rowsNotUnderNewestKey();
    console.log(left ? `${left} row(s) changed under another key meanwhile: run again.` : "Every secret is under the newest key: older keys can be removed.");
  }
  return 0;
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
