import "server-only";
import { searchUsers, type ListedUser, type UserSearch } from "./user-search";

/**
 * The admin list's CSV export: the rows of the current search and filters, in its order, read in
 * keyset batches (one index range each, as the pages are) so a million rows never sit in memory.
 * Every cell is quoted, and one a spreadsheet would run as a formula (starting with = + - @, a tab
 * or a carriage return: OWASP's CSV injection list) gets a leading apostrophe.
 */
const BATCH_SIZE = 1_000;

const COLUMNS = ["id", "email", "username", "active", "confirmed_at", "roles", "created_at", "last_sign_in_at", "sign_in_count"] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

function csvRow(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

function cellsOf(u: ListedUser): string[] {
  return [
    u.id,
    u.email,
    u.username ?? "",
    u.active ? "yes" : "no",
    u.confirmedAt?.toISOString() ?? "",
    u.roles.join(" "),
    u.createdAt.toISOString(),
    u.lastLoginAt?.toISOString() ?? "",
    String(u.loginCount),
  ];
}

/** The CSV text, a header then one line per user, batch by batch. */
export async function* exportUsersCsv(search: Omit<UserSearch, "cursor" | "pageSize">, batchSize = BATCH_SIZE): AsyncGenerator<string> {
  yield csvRow(COLUMNS);
  let cursor: string | undefined;
  for (;;) {
    const page = await searchUsers({ ...search, cursor, pageSize: batchSize });
    if (page.users.length) yield page.users.map((u) => csvRow(cellsOf(u))).join("");
    if (!page.next) return;
    cursor = page.next;
  }
}
