/**
 * The admin user list at a million users (issue #14): seeds BENCH_ADMIN_USERS users (default 1 M)
 * with generate_series — a spread of disabled, unconfirmed, locked, two-factor, passkey and role
 * holders, and sign-in times with gaps — then times the list's first page, a page from the middle
 * of the order and its last page, in both directions, for each filter and each sort, through
 * searchUsers() itself (the page's one call).
 * Run it on a throwaway PostgreSQL (it adds rows):
 *
 *   PG_PORT=54350 source scripts/pg-throwaway.sh
 *   DATABASE_URL=$PG_TEST_URL npx tsx --import ./scripts/support/server-only.mjs scripts/bench-admin-users.ts
 */
import { asc, sql } from "drizzle-orm";
import { closeDb, getDb, tables } from "../lib/db";
import { searchUsers, type UserSearch } from "../lib/security/accounts/user-search";
import type { UserFilters } from "../lib/security/accounts/user-filters";
import { encodeCursor, keyText, orderExpression, type Cursor, type Direction, type Sort } from "../lib/security/accounts/user-list-order";

const USERS = Number(process.env.BENCH_ADMIN_USERS ?? 1_000_000);
const PAGE_SIZE = 25;
const RUNS = 5;

async function seed(): Promise<void> {
  const db = await getDb();
  const [{ n } = { n: 0 }] = (await db.execute(sql`select count(*)::int as n from users where email like 'adm-%'`)) as unknown as { n: number }[];
  if (n < USERS) await seedUsers();
  // A rare role (five holders), added to an existing seed too: counting its holders must not walk the users.
  await db.execute(sql`insert into roles (name) values ('auditor') on conflict do nothing`);
  await db.execute(sql`
    insert into user_roles (user_id, role_id)
    select u.id, r.id from (select id from users where email like 'adm-%' order by created_at, id offset ${Math.floor(USERS / 3)} limit 5) u, roles r
    where r.name = 'auditor' on conflict do nothing`);
}

async function seedUsers(): Promise<void> {
  const db = await getDb();
  const started = performance.now();
  await db.execute(sql`
    insert into users (email, email_normalized, password_hash, uniquifier, active, confirmed_at, failed_login_count, current_login_at, created_at)
    select 'adm-' || md5(i::text) || '@example.com', 'adm-' || md5(i::text) || '@example.com', '$argon2id$seed', md5(i::text || 'u'),
           i % 50 <> 0, case when i % 20 = 0 then null else now() - interval '1 year' end, case when i % 1000 = 7 then 100 else 0 end,
           case when i % 10 = 3 then null else now() - (i % 100000) * interval '5 minutes' end,
           now() - interval '1 year' + (i * interval '30 seconds')
    from generate_series(1, ${USERS}::int) as i`);
  await db.execute(sql`insert into roles (name) values ('support') on conflict do nothing`);
  await db.execute(sql`create temporary table adm as select row_number() over (order by created_at, id) as n, id from users where email like 'adm-%'`);
  await db.execute(sql`insert into two_factor (user_id, method, secret_encrypted) select id, 'authenticator', 'v1:seed' from adm where n % 5 = 1`);
  await db.execute(sql`
    insert into webauthn_credentials (user_id, credential_id, public_key, usage, name, device_type)
    select id, 'cred-' || n, 'pk', 'first', 'Key', 'singleDevice' from adm where n % 20 = 2`);
  await db.execute(sql`insert into user_roles (user_id, role_id) select adm.id, r.id from adm, roles r where r.name = 'support' and adm.n % 10 = 4`);
  await db.execute(sql`analyze`);
  console.log(`seeded ${USERS} users in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/** The row half-way through the whole table in this order: a deep page link's position. */
async function middleRow(sort: Sort): Promise<{ v: string; id: string }> {
  const db = await getDb();
  const expression = orderExpression(sort);
  const [row] = await db
    .select({ id: tables.users.id, key: keyText(sort, expression) })
    .from(tables.users)
    .orderBy(asc(expression), asc(tables.users.id))
    .offset(Math.floor(USERS / 2))
    .limit(1);
  if (!row) throw new Error("no middle row");
  return { v: row.key, id: row.id };
}

/**
 * The last page of the filtered list in `direction`: the page after the 25th row from its end. The
 * first page of the other direction ends on that row; its next cursor, turned round, starts there.
 */
async function lastPageCursor(filters: UserFilters, sort: Sort, direction: Direction): Promise<string | null> {
  const other: Direction = direction === "asc" ? "desc" : "asc";
  const next = (await searchUsers({ filters, sort, direction: other, pageSize: PAGE_SIZE })).next;
  if (!next) return null;
  const cursor = JSON.parse(Buffer.from(next, "base64url").toString("utf8")) as Cursor;
  return encodeCursor({ ...cursor, o: direction, d: "after" });
}

async function median(search: UserSearch): Promise<{ ms: number; rows: number }> {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    rows = (await searchUsers(search)).users.length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(RUNS / 2)]!, rows };
}

const FILTERS: Record<string, UserFilters> = {
  none: {},
  "active=no": { active: false },
  "confirmed=no": { confirmed: false },
  "locked=yes": { locked: true },
  "tf=yes": { twoFactor: true },
  "tf=no": { twoFactor: false },
  "passkey=yes": { passkey: true },
  "role=support": { role: "support" },
  "role=auditor": { role: "auditor" },
};

async function main(): Promise<void> {
  process.env.DATABASE_MIGRATE_ON_START = "true";
  await seed();
  console.log("| filter | sort | direction | matches (≤1,000 counted) | first page ms | middle page ms | last page ms |");
  console.log("|---|---|---|---|---|---|---|");
  for (const sort of ["created", "email", "last-sign-in"] as Sort[]) {
    const middle = await middleRow(sort);
    for (const [name, filters] of Object.entries(FILTERS)) {
      for (const direction of ["asc", "desc"] as Direction[]) {
        const cursor = encodeCursor({ s: sort, o: direction, d: "after", ...middle });
        const first = await median({ filters, sort, direction, pageSize: PAGE_SIZE });
        const deep = await median({ filters, sort, direction, pageSize: PAGE_SIZE, cursor });
        const lastCursor = await lastPageCursor(filters, sort, direction);
        const last = lastCursor ? await median({ filters, sort, direction, pageSize: PAGE_SIZE, cursor: lastCursor }) : null;
        const total = (await searchUsers({ filters, sort, pageSize: 1 })).total;
        console.log(
          `| ${name} | ${sort} | ${direction} | ${total.atLeast ? "1,000+" : total.value.toLocaleString("en-US")} | ${first.ms.toFixed(1)} | ${deep.ms.toFixed(1)} (${deep.rows} rows) | ${last ? `${last.ms.toFixed(1)} (${last.rows} rows)` : "–"} |`,
        );
      }
    }
  }
  const search = await median({ query: "adm-5", field: "email", pageSize: PAGE_SIZE });
  console.log(`| email starts with adm-5 | email | asc | | ${search.ms.toFixed(1)} | | |`);
  const roleSearch = await median({ query: "adm-5", field: "email", filters: { role: "support" }, pageSize: PAGE_SIZE });
  console.log(`| email starts with adm-5, role support | email | asc | | ${roleSearch.ms.toFixed(1)} | | |`);
  await closeDb();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
