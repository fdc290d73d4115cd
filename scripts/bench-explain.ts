/**
 * EXPLAIN (ANALYZE) of the hot queries on a database (scripts/bench.ts runs it on the seeded one;
 * docs/scaling.md shows the output). Writes are rolled back.
 *
 *   DATABASE_URL=postgres://… npx tsx scripts/bench-explain.ts <user id with events and a session>
 */
import postgres from "postgres";

/** app/(admin)/admin/users/page.tsx's page size. */
export const ADMIN_PAGE_SIZE = 25;

/** find_active_session (lib/security/sessions.ts) written out: every signed-in request's one query. */
export const SESSION_LOOKUP = `select s.*, u.*,
    coalesce((select array_agg(r.name order by r.name) from user_roles ur join roles r on r.id = ur.role_id where ur.user_id = u.id), '{}'),
    coalesce((select array_agg(distinct p) from user_roles ur join roles r on r.id = ur.role_id cross join unnest(r.permissions) p where ur.user_id = u.id), '{}')
  from sessions s join users u on u.id = s.user_id
  where s.token_hash = $1 and s.expires_at > now() and s.uniquifier = u.uniquifier and u.active = true`;

/** EXPLAIN (ANALYZE) of the queries every request or sign-in runs, as the app sends them, on the seeded database. */
export async function explainHotQueries(sql: postgres.Sql, userId: string): Promise<Record<string, string>> {
  const [session] = await sql<{ token_hash: string }[]>`select token_hash from sessions where user_id = ${userId} limit 1`;
  const [{ n: users } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from users`;
  const middle = Math.floor(users / 2);
  const [seeded] = await sql<
    { id: string; email_normalized: string; created_at: string }[]
  >`select id, email_normalized, created_at::text from users order by created_at, id offset ${middle} limit 1`;
  const queries: Record<string, string> = {
    sessionLookup: SESSION_LOOKUP.replace("$1", `'${session?.token_hash}'`),
    userByEmail: `select * from users where email_normalized = '${seeded?.email_normalized}'`,
    rateLimitUpsert: `insert into rate_limits (bucket, key, window_start, count, expires_at) values ('login:ip', 'explain', now(), 1, now() + interval '15 minutes') on conflict (bucket, key) do update set count = rate_limits.count + 1`,
    eventInsert: `insert into security_events (user_id, type, data) values ('${userId}', 'user_authenticated', '{}')`,
    activityLog: `select type, ip, user_agent, data, at from security_events where user_id = '${seeded?.id}' order by at desc, id desc limit 50`,
    adminListFirstPage: `select * from users order by created_at, id limit ${ADMIN_PAGE_SIZE + 1}`,
    adminListMiddlePage: `select * from users where (created_at, id) > ('${seeded?.created_at}'::timestamptz, '${seeded?.id}') order by created_at, id limit ${ADMIN_PAGE_SIZE + 1}`,
    adminListEstimatedTotal: `select reltuples::bigint from pg_class where oid = 'users'::regclass`,
    adminSearchEmailPrefix: `select * from users where email_normalized collate "C" like 'seed-5%' order by email_normalized collate "C", id limit ${ADMIN_PAGE_SIZE + 1}`,
    adminSearchMiddlePage: `select * from users where email_normalized collate "C" like 'seed-5%' and (email_normalized collate "C", id) > ('seed-55555@example.com', '00000000-0000-0000-0000-000000000000') order by email_normalized collate "C", id limit ${ADMIN_PAGE_SIZE + 1}`,
    adminSearchCountUpTo1001: `select count(*) from (select 1 from users where email_normalized collate "C" like 'seed-5%' limit 1001) as matched`,
    outboxDue: `select id from outbox where (status = 'pending' and next_attempt_at <= now()) or (status = 'sending' and claimed_until < now()) order by id limit 25 for update skip locked`,
  };
  const out: Record<string, string> = {};
  for (const [name, query] of Object.entries(queries)) {
    // Rolled back: the EXPLAIN ANALYZE of a write must not leave the row.
    await sql
      .begin(async (tx) => {
        const rows = await tx.unsafe(`explain (analyze, buffers off, timing on) ${query}`);
        out[name] = rows.map((r) => String(Object.values(r)[0])).join("\n");
        throw new RollBack();
      })
      .catch((e: unknown) => {
        if (!(e instanceof RollBack)) throw e;
      });
  }
  return out;
}

class RollBack extends Error {}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  const userId = process.argv[2];
  if (!url || !userId) throw new Error("usage: DATABASE_URL=… npx tsx scripts/bench-explain.ts <user id>");
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  explainHotQueries(sql, userId)
    .then((plans) => {
      for (const [name, plan] of Object.entries(plans)) console.log(`-- ${name}\n${plan}\n`);
    })
    .finally(() => sql.end());
}
