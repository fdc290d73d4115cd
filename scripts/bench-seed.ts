/**
 * Fills the bench database with a production-sized history (scripts/bench.ts, BENCH_SCALE=1):
 * BENCH_SEED_USERS users (default 1 M), BENCH_SEED_EVENTS security events (default 10 M) spread
 * over them and over a year, and BENCH_SEED_SESSIONS live sessions (default a quarter of the
 * users), with generate_series — server-side, no rows through the client — in chunks so the
 * progress shows and no transaction grows huge. Then ANALYZE, so the planner sees
 * the real sizes. The passwords are not hashes of anything (no one signs in as a seeded user).
 *
 *   DATABASE_URL=postgres://… npx tsx scripts/bench-seed.ts
 */
import postgres from "postgres";

export interface SeedSizes {
  users: number;
  events: number;
  sessions: number;
}

const LARGE_USERS = Number(process.env.BENCH_SEED_USERS ?? 1_000_000);
export const LARGE_SEED: SeedSizes = {
  users: LARGE_USERS,
  events: Number(process.env.BENCH_SEED_EVENTS ?? 10_000_000),
  // Live sessions: a session lookup on a table of 30 rows is a sequential scan, which says nothing.
  sessions: Number(process.env.BENCH_SEED_SESSIONS ?? Math.floor(LARGE_USERS / 4)),
};
/**
 * The small database's share: enough users that every admin page the bench loads is full (25 rows,
 * and 111 matches for the prefix "seed-5"), so small and large render the same page and differ only
 * in the size of the tables under it.
 */
export const SMALL_SEED: SeedSizes = { users: 1_000, events: 10_000, sessions: 250 };
const CHUNK = 1_000_000;
const TYPES = ["user_authenticated", "user_failed_authn", "user_unauthenticated", "tf_security_token_sent", "password_changed", "reauthenticated"];

export async function seed(url: string, sizes: SeedSizes = LARGE_SEED): Promise<SeedSizes & { seconds: number }> {
  const { users: USERS, events: EVENTS, sessions: SESSIONS } = sizes;
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const started = performance.now();
  const [{ n: before } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from users where email like 'seed-%'`;
  for (let from = before; from < USERS; from += CHUNK) {
    const to = Math.min(USERS, from + CHUNK);
    await sql`
      insert into users (email, email_normalized, password_hash, uniquifier, confirmed_at, created_at)
      select 'seed-' || i || '@example.com', 'seed-' || i || '@example.com', '$argon2id$seed', md5(i::text || 'u'),
             now() - interval '1 year', now() - interval '1 year' + (i * interval '30 seconds')
      from generate_series(${from + 1}::int, ${to}::int) as i`;
    console.log(`seed: ${to} users`);
  }
  // Events belong to seeded users (by their creation order), in time order, like a year of use.
  await sql`create temporary table seed_ids as select row_number() over (order by created_at, id) as n, id from users where email like 'seed-%'`;
  await sql`create index on seed_ids (n)`;
  const [{ n: have } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from security_events where user_agent = 'seed'`;
  // Faster on a throwaway server (where the bench's role is a superuser): foreign keys are
  // right by construction, so their per-row triggers are skipped, and the secondary indexes
  // are built once at the end (with their recorded definitions) instead of row by row.
  const [{ superuser } = { superuser: false }] = await sql<{ superuser: boolean }[]>`select rolsuper as superuser from pg_roles where rolname = current_user`;
  const secondary =
    superuser && have < EVENTS
      ? await sql<
          { name: string; definition: string }[]
        >`select indexname as name, indexdef as definition from pg_indexes where tablename = 'security_events' and indexname <> 'security_events_pkey'`
      : [];
  if (superuser) await sql`set session_replication_role = replica`;
  for (const index of secondary) await sql.unsafe(`drop index if exists ${index.name}`);
  for (let from = have; from < EVENTS; from += CHUNK) {
    const to = Math.min(EVENTS, from + CHUNK);
    await sql`
      insert into security_events (user_id, type, ip, user_agent, data, at)
      select s.id, (${sql.array(TYPES)}::text[])[1 + (i % ${TYPES.length})], '10.0.' || (i % 250) || '.' || (i % 249), 'seed',
             '{"authnVia":["password"]}'::jsonb, now() - interval '1 year' + (i * (interval '1 year' / ${EVENTS}))
      from generate_series(${from + 1}::int, ${to}::int) as i
      join seed_ids s on s.n = 1 + (i % ${USERS})`;
    console.log(`seed: ${to} events`);
  }
  for (const index of secondary) await sql.unsafe(index.definition.replace(/^CREATE INDEX /, "CREATE INDEX IF NOT EXISTS "));
  if (superuser) await sql`set session_replication_role = origin`;
  const [{ n: live } = { n: 0 }] = await sql<{ n: number }[]>`select count(*)::int as n from sessions where user_agent = 'seed'`;
  if (live < SESSIONS) {
    await sql`
      insert into sessions (token_hash, user_id, uniquifier, expires_at, authenticated_at, authn_via, user_agent)
      select md5(s.n::text || 's') || md5(s.n::text || 't'), s.id, u.uniquifier, now() + interval '1 day', now(), '{password}', 'seed'
      from seed_ids s join users u on u.id = s.id
      where s.n > ${live} and s.n <= ${SESSIONS}`;
    console.log(`seed: ${SESSIONS} sessions`);
  }
  await sql`analyze`;
  await sql.end();
  return { users: USERS, events: EVENTS, sessions: SESSIONS, seconds: (performance.now() - started) / 1000 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("bench-seed needs DATABASE_URL");
  seed(url).then((r) => console.log(`seeded ${r.users} users, ${r.events} events and ${r.sessions} sessions in ${r.seconds.toFixed(0)} s`));
}
