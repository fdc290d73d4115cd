/** `gatehouse users import <file>`: accounts from another system, with their password hashes (docs/importing-users.md). */
import { readFile, stat } from "node:fs/promises";
import type { Command } from "commander";
import { checkRecord, IMPORT_MAX_BYTES, readRecords, type ImportRow, type RowError } from "../../lib/security/lifecycle/import-rows";
import { importUsers } from "../../lib/security/lifecycle/import-users";
import { action, done, UsageError, type Answer } from "./io";

interface ImportCliOptions {
  format?: string;
  dryRun?: boolean;
  refuseExisting?: boolean;
  createRoles?: boolean;
}

async function run([file = ""]: string[], options: ImportCliOptions): Promise<Answer> {
  const format = options.format ?? (/\.json$/i.test(file) ? "json" : /\.csv$/i.test(file) ? "csv" : undefined);
  if (format !== "csv" && format !== "json") throw new UsageError("--format csv|json (or a file ending in .csv or .json)");
  const size = await stat(file).then(
    (s) => s.size,
    () => null,
  );
  if (size === null) throw new UsageError(`cannot read ${file}`);
  if (size > IMPORT_MAX_BYTES) throw new UsageError(`${file} is over ${IMPORT_MAX_BYTES / 1024 / 1024} MiB: split it`);
  const read = readRecords(await readFile(file, "utf8"), format);
  if ("error" in read) return refused(`${file}: ${read.error}`, [], []);
  const rows: ImportRow[] = [];
  const errors: RowError[] = [];
  for (const [row, record] of read.records) {
    const checked = checkRecord(row, record);
    if (checked.ok) rows.push(checked.value);
    else errors.push(...checked.errors);
  }
  if (errors.length) return refused(`${errors.length} problem(s); nothing was imported.`, errors, []);
  const report = await importUsers(rows, { dryRun: options.dryRun, existing: options.refuseExisting ? "refuse" : "skip", createRoles: options.createRoles });
  const json = { dryRun: report.dryRun, created: report.created.length, skipped: report.skipped, errors: report.errors };
  if (!report.ok) return refused(`${report.errors.length} problem(s); nothing was imported.`, report.errors, report.skipped);
  const verb = report.dryRun ? "Would import" : "Imported";
  const skippedText = report.skipped.length
    ? `; ${report.skipped.length} skipped (an account with the address exists): rows ${report.skipped.map((s) => s.row).join(", ")}`
    : "";
  return done(`${verb} ${report.created.length} account(s)${skippedText}.`, json);
}

function refused(summary: string, errors: RowError[], skipped: { row: number; email: string }[]): Answer {
  const lines = errors.map((e) => `row ${e.row}, ${e.field}: ${e.message}`);
  return done(lines.join("\n"), { dryRun: false, created: 0, skipped, errors }, summary);
}

export function importCommand(users: Command): void {
  users
    .command("import")
    .description(
      "import accounts from CSV or JSON, with their password hashes (bcrypt, argon2, scrypt, PBKDF2), roles, confirmed and active state; all or nothing",
    )
    .argument("<file>", "a .csv with a header row, or a .json array of objects")
    .option("--format <format>", "csv or json (default: from the file name)")
    .option("--dry-run", "check every row and report, write nothing")
    .option("--refuse-existing", "an address that already has an account is an error (default: skip it)")
    .option("--create-roles", "create roles that do not exist (default: they are an error)")
    .action(action(run));
}
