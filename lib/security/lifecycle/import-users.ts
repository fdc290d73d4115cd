import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type Queryable, tables } from "@/lib/db";
import { normalizeUsername } from "../accounts/identity";
import { findRole } from "../accounts/roles";
import { addRoleToUser } from "../accounts/user-roles";
import { createUser, findUserByEmail, findUserByUsername } from "../accounts/users";
import { newTotpSecret } from "../codes/totp";
import { saveCodeMethod } from "../codes/store";
import { recordEvent } from "../core/events";
import { hashScheme } from "../core/password-hash";
import { duplicatesWithin, type ImportRow, type RowError } from "./import-rows";

/**
 * `users import` (decision 045): all or nothing. Every row is checked against the file and the
 * database first and every problem reported with its row number; only a file without one is
 * written, in one transaction. An address that already has an account is skipped (a re-run
 * imports nothing twice) or, with `existing: "refuse"`, an error. A role that does not exist is
 * an error unless `createRoles`, so a typo creates nothing.
 */
export interface ImportOptions {
  dryRun?: boolean;
  existing?: "skip" | "refuse";
  createRoles?: boolean;
}

export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  /** Accounts created (or, in a dry run, that would be). */
  created: { row: number; email: string }[];
  skipped: { row: number; email: string }[];
  errors: RowError[];
}

/** Two runs at once, or an account made meanwhile: the transaction is undone and the run can be repeated. */
class TakenMeanwhile extends Error {}

export async function importUsers(rows: ImportRow[], options: ImportOptions = {}): Promise<ImportReport> {
  const dryRun = options.dryRun ?? false;
  const errors: RowError[] = duplicatesWithin(rows, normalizeUsername);
  const toCreate: ImportRow[] = [];
  const skipped: { row: number; email: string }[] = [];
  const knownRoles = new Map<string, boolean>();
  for (const r of rows) {
    const bad = (field: string, message: string) => errors.push({ row: r.row, field, message });
    if (await findUserByEmail(r.email)) {
      if (options.existing === "refuse") bad("email", "an account with this address exists");
      else skipped.push({ row: r.row, email: r.email });
      continue;
    }
    if (r.username && (await findUserByUsername(r.username))) bad("username", "another account has this username");
    if (r.phone && (await phoneTaken(r.phone))) bad("phone", "another account signs in with this phone number");
    for (const role of r.roles) {
      if (!knownRoles.has(role)) knownRoles.set(role, (await findRole(role)) !== null);
      if (!knownRoles.get(role) && !options.createRoles) bad("roles", `no role "${role}" (create it first, or pass --create-roles)`);
    }
    toCreate.push(r);
  }
  const created = toCreate.map((r) => ({ row: r.row, email: r.email }));
  if (errors.length) return { ok: false, dryRun, created: [], skipped, errors: errors.sort((a, b) => a.row - b.row) };
  if (dryRun || !toCreate.length) return { ok: true, dryRun, created, skipped, errors };
  try {
    await (
      await getDb()
    ).transaction(async (tx) => {
      for (const r of toCreate) await writeRow(r, tx);
    });
  } catch (error) {
    if (!(error instanceof TakenMeanwhile)) throw error;
    return {
      ok: false,
      dryRun,
      created: [],
      skipped,
      errors: [{ row: Number(error.message), field: "email", message: "taken while importing; nothing was written, run the import again" }],
    };
  }
  return { ok: true, dryRun, created, skipped, errors };
}

async function phoneTaken(phone: string): Promise<boolean> {
  const [row] = await (
    await getDb()
  )
    .select({ userId: tables.signInMethods.userId })
    .from(tables.signInMethods)
    .where(and(eq(tables.signInMethods.phone, phone), eq(tables.signInMethods.method, "sms")));
  return Boolean(row);
}

async function writeRow(r: ImportRow, tx: Queryable): Promise<void> {
  const user = await createUser({ email: r.email, passwordHash: r.passwordHash, username: r.username, confirmed: r.confirmed, active: r.active }, tx);
  if (!user) throw new TakenMeanwhile(String(r.row));
  for (const role of r.roles) {
    const added = await addRoleToUser(user.id, role, { db: tx, createRole: true });
    if (!added.ok) throw new Error(`row ${r.row}: role ${role}: ${added.code}`);
  }
  if (r.phone) {
    // The operator vouches for the number, as for a confirmed address: it becomes the account's SMS sign-in method.
    const saved = await saveCodeMethod("sign-in", user.id, { method: "sms", secret: newTotpSecret(), phone: r.phone, timeStep: 0 }, tx);
    if (!saved.ok) throw new TakenMeanwhile(String(r.row));
  }
  await recordEvent("user_imported", { userId: user.id, data: { passwordScheme: r.passwordHash ? hashScheme(r.passwordHash) : null } }, tx);
}
