/**
 * Part of `npm run bench` (scripts/bench.ts): the median latency of /admin/users through the app
 * (keyset pagination, lib/security/accounts/user-search.ts) — the first page, the middle one of
 * each database's own users, an email-prefix search and that search's middle page, 25 times each,
 * alternating the servers. The middle pages' cursors are made with the list's own encodeCursor.
 */
import type postgres from "postgres";
import { encodeCursor } from "../lib/security/accounts/user-list-order";

export interface AdminListTarget {
  name: string;
  sql: postgres.Sql;
}

type Get<T> = (target: T, path: string) => Promise<{ status: number; body: string }>;

const KINDS = ["first", "middle", "search", "searchMiddle"] as const;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function adminListLatency<T extends AdminListTarget>(
  targets: T[],
  prefix: string,
  get: Get<T>,
): Promise<Record<string, Record<string, number | string>>> {
  const paths = new Map<string, Record<(typeof KINDS)[number], string>>();
  for (const t of targets) paths.set(t.name, await listPaths(t.sql, prefix));
  const times = new Map(targets.map((t) => [t.name, Object.fromEntries(KINDS.map((k) => [k, [] as number[]]))]));
  for (let i = 0; i < 25; i++) {
    for (const t of i % 2 === 0 ? targets : [...targets].reverse()) {
      for (const which of KINDS) {
        const path = paths.get(t.name)![which];
        const started = performance.now();
        const res = await get(t, path);
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
        if (res.body.includes('data-testid="cursor-refused"')) throw new Error(`${path}: the app refused the bench's cursor`);
        times.get(t.name)![which]!.push(performance.now() - started);
      }
    }
  }
  return Object.fromEntries(
    targets.map((t) => [
      t.name,
      {
        firstPageMedianMs: median(times.get(t.name)!.first!),
        middlePageMedianMs: median(times.get(t.name)!.middle!),
        searchFirstPageMedianMs: median(times.get(t.name)!.search!),
        searchMiddlePageMedianMs: median(times.get(t.name)!.searchMiddle!),
        searchPrefix: paths.get(t.name)!.search,
      },
    ]),
  );
}

/** The four pages for one database: its middle row by sign-up date, and the middle of the prefix's matches by email. */
async function listPaths(sql: postgres.Sql, prefix: string): Promise<Record<(typeof KINDS)[number], string>> {
  const [{ n } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from users`;
  const [mid] = await sql<{ at: string; id: string }[]>`select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, id
    from users order by created_at, id offset ${Math.floor(n / 2)} limit 1`;
  const [{ m } = { m: 0 }] = await sql<{ m: number }[]>`select count(*)::int as m from users where email_normalized like ${prefix + "%"}`;
  const [midMatch] = await sql<
    { key: string; id: string }[]
  >`select email_normalized as key, id from users where email_normalized collate "C" like ${prefix + "%"}
    order by email_normalized collate "C", id offset ${Math.floor(m / 2)} limit 1`;
  return {
    first: "/admin/users",
    middle: `/admin/users?cursor=${encodeCursor({ s: "created", o: "asc", d: "after", v: mid!.at, id: mid!.id })}`,
    search: `/admin/users?q=${prefix}&by=email`,
    searchMiddle: `/admin/users?q=${prefix}&by=email&cursor=${encodeCursor({ s: "email", o: "asc", d: "after", v: midMatch!.key, id: midMatch!.id })}`,
  };
}
