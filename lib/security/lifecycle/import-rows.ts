import "server-only";
import { normalizeEmail, validateEmail, validateUsername, usernameMessage } from "../accounts/identity";
import { normalizePhone } from "../accounts/phone";
import { messageFor } from "../core/errors";
import { isReadableHash } from "../core/password-hash";

/**
 * Reading an import file (`users import`, docs/importing-users.md): CSV with a header row, or a
 * JSON array of objects, into checked rows. Nothing here touches the database; every problem is
 * reported with its row number, so one run lists all of them.
 */
export const IMPORT_COLUMNS = ["email", "username", "phone", "password_hash", "roles", "confirmed", "active"] as const;

/** One account to import, checked. `passwordHash` null: the user sets a password through a reset. */
export interface ImportRow {
  row: number;
  email: string;
  username: string | null;
  phone: string | null;
  passwordHash: string | null;
  roles: string[];
  confirmed: boolean;
  active: boolean;
}

export interface RowError {
  /** CSV: the line's number as a spreadsheet shows it (the header is row 1). JSON: the entry's, from 1. */
  row: number;
  field: string;
  message: string;
}

/** Refused unread above this: an import is a batch job, and the whole file is held in memory. */
export const IMPORT_MAX_BYTES = 64 * 1024 * 1024;

/** RFC 4180: fields in double quotes may hold commas, line breaks and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = (): void => {
    row.push(field);
    field = "";
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") endField();
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRow();
    } else field += c;
  }
  if (field !== "" || row.length) endRow();
  return rows;
}

type RawRecord = Record<string, unknown>;

/** The file's records with their row numbers, or a single error for a file that is not CSV/JSON of that shape. */
export function readRecords(text: string, format: "csv" | "json"): { records: [number, RawRecord][] } | { error: string } {
  if (format === "json") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return { error: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (!Array.isArray(parsed)) return { error: "the JSON must be an array of objects" };
    return {
      records: parsed.map((r, i): [number, RawRecord] => [
        i + 1,
        r !== null && typeof r === "object" && !Array.isArray(r) ? (r as RawRecord) : { __notObject: true },
      ]),
    };
  }
  const [header, ...lines] = parseCsv(text.replace(/^\uFEFF/, ""));
  const names = (header ?? []).map((h) => h.trim().toLowerCase());
  if (!names.includes("email")) return { error: `the CSV's first line must name the columns (${IMPORT_COLUMNS.join(", ")}); "email" is required` };
  const unknown = names.filter((n) => n && !(IMPORT_COLUMNS as readonly string[]).includes(n));
  if (unknown.length) return { error: `unknown column(s): ${unknown.join(", ")} (known: ${IMPORT_COLUMNS.join(", ")})` };
  const records = lines
    .map((cells, i): [number, string[]] => [i + 2, cells])
    .filter(([, cells]) => cells.some((c) => c.trim() !== ""))
    .map(([row, cells]): [number, RawRecord] => [row, Object.fromEntries(names.map((n, j) => [n, cells[j] ?? ""]))]);
  return { records };
}

const TRUE = new Set(["true", "yes", "1", "y"]);
const FALSE = new Set(["false", "no", "0", "n", ""]);

function flag(value: unknown, fallback: boolean): boolean | null {
  if (value === undefined || value === null) return fallback;
  if (typeof value === "boolean") return value;
  if (typeof value !== "string") return null;
  const v = value.trim().toLowerCase();
  if (v === "") return fallback;
  return TRUE.has(v) ? true : FALSE.has(v) ? false : null;
}

function text(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") return undefined;
  const v = value.trim();
  return v === "" ? null : v;
}

/** Checks one record: every field's problem is reported, not only the first. */
export function checkRecord(row: number, record: RawRecord): { ok: true; value: ImportRow } | { ok: false; errors: RowError[] } {
  const errors: RowError[] = [];
  const bad = (field: string, message: string) => errors.push({ row, field, message });
  if (record.__notObject) return { ok: false, errors: [{ row, field: "(row)", message: "each entry must be an object" }] };
  for (const key of Object.keys(record)) if (!(IMPORT_COLUMNS as readonly string[]).includes(key)) bad(key, "unknown field");

  const email = text(record.email);
  const emailError = email ? validateEmail(email) : "EMAIL_NOT_PROVIDED";
  if (emailError) bad("email", messageFor(emailError));
  const username = text(record.username);
  const usernameError = typeof username === "string" ? validateUsername(username) : null;
  if (username === undefined) bad("username", "must be text");
  else if (usernameError) bad("username", usernameMessage(usernameError));
  const phoneText = text(record.phone);
  const phone = typeof phoneText === "string" ? normalizePhone(phoneText) : null;
  if (phoneText === undefined || (phoneText && !phone)) bad("phone", messageFor("PHONE_INVALID"));
  const passwordHash = text(record.password_hash);
  // Only the format and its costs are checked: verifying needs the password, at the user's first sign-in.
  if (passwordHash === undefined || (passwordHash && !isReadableHash(passwordHash))) {
    bad("password_hash", "not a hash format Gatehouse reads (argon2, bcrypt, scrypt, PBKDF2: docs/importing-users.md), or its cost is over the limits");
  }
  const roles = readRoles(record.roles);
  if (!roles) bad("roles", 'a list of role names (CSV: separated by ";" or spaces)');
  const confirmed = flag(record.confirmed, false);
  if (confirmed === null) bad("confirmed", "true or false");
  const active = flag(record.active, true);
  if (active === null) bad("active", "true or false");

  if (errors.length || !email || !roles || confirmed === null || active === null) return { ok: false, errors };
  return { ok: true, value: { row, email, username: username ?? null, phone, passwordHash: passwordHash ?? null, roles, confirmed, active } };
}

function readRoles(value: unknown): string[] | null {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : typeof value === "string" ? value.split(/[;\s]+/) : null;
  if (!list || !list.every((r): r is string => typeof r === "string")) return null;
  const names = [...new Set(list.map((r) => r.trim()).filter(Boolean))];
  return names.every((r) => r.length <= 64 && /^[\p{L}\p{N}_.:-]+$/u.test(r)) ? names : null;
}

/** The same address (or username) twice in one file is an error on the later row. */
export function duplicatesWithin(rows: ImportRow[], usernameKey: (name: string) => string): RowError[] {
  const errors: RowError[] = [];
  const emails = new Map<string, number>();
  const names = new Map<string, number>();
  for (const r of rows) {
    const e = normalizeEmail(r.email);
    if (emails.has(e)) errors.push({ row: r.row, field: "email", message: `the same address as row ${emails.get(e)}` });
    else emails.set(e, r.row);
    if (!r.username) continue;
    const n = usernameKey(r.username);
    if (names.has(n)) errors.push({ row: r.row, field: "username", message: `the same username as row ${names.get(n)}` });
    else names.set(n, r.row);
  }
  return errors;
}
