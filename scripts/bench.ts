/**
 * `npm run bench` (via scripts/bench.sh, which starts a throwaway PostgreSQL and builds):
 *  1. throughput of `/` for a signed-in vs an anonymous visitor on `next start`, in alternating
 *     windows (and database round trips per request, from pg_stat_database's transaction counter);
 *  2. login latency of the sign-in form's request (POST /login/session) vs a bare argon2id
 *     verification, and sign-in + the landing page the browser loads next;
 *  3. first-load JavaScript of /login, gzipped;
 *  4. cold start of `next start` on an existing PGlite folder to the first 200;
 *  5. the admin user list (first and a deep page), and the database work of a sign-in (statements
 *     and rows written, from pg_stat_database).
 * With BENCH_SCALE=1 it measures 1, 2 and 5 on the small database, seeds 1 M users and 10 M
 * security events (scripts/bench-seed.ts), measures them again, and records EXPLAIN of the hot
 * queries (docs/scaling.md).
 * Prints a table and writes bench-results/latest.json.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import { gzipSync } from "node:zlib";
import postgres from "postgres";

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) throw new Error("bench needs DATABASE_URL (scripts/bench.sh provides one)");
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://localhost:${PORT}`;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const WINDOW_SECONDS = Number(process.env.BENCH_WINDOW_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const WARMUP_SECONDS = 3;
const LOGIN_SAMPLES = Number(process.env.BENCH_LOGINS ?? 60);
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const serverEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production" as const,
  APP_URL: BASE,
  AUTH_SECRET: "bench-secret-bench-secret-bench-secret-1234",
  MAIL_TRANSPORT: "outbox",
  // A production build on http://localhost; the cold-start run uses a PGlite folder.
  SECURITY_ALLOW_INSECURE_APP_URL: "true",
  SECURITY_ALLOW_PGLITE_IN_PRODUCTION: "true",
  // Each sign-in sends its own X-Forwarded-For so the per-IP budget never answers.
  TRUST_PROXY: "1",
  NEXT_TELEMETRY_DISABLED: "1",
};

interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${BASE}${path}`, { method: options.method ?? "GET", headers: options.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

function startServer(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn("npx", ["next", "start", "-p", String(PORT)], { env, stdio: ["ignore", "ignore", "inherit"], detached: true });
}

async function waitFor200(path: string, timeoutMs = 60_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    try {
      if ((await request(path)).status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no 200 from ${path} within ${timeoutMs} ms`);
}

function stop(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    server.once("exit", () => resolve());
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  });
}

/** Closed-loop load: CONCURRENCY workers requesting `path` for `seconds`; returns req/s. */
async function load(path: string, headers: Record<string, string>, seconds: number): Promise<{ rps: number; requests: number }> {
  const until = performance.now() + seconds * 1000;
  let requests = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const res = await request(path, { headers });
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
        requests++;
      }
    }),
  );
  return { rps: requests / seconds, requests };
}

let signIns = 0;

/**
 * One sign-in as the login form sends it (POST /login/session, JSON). Rate limiting stays on (its
 * queries are part of a real sign-in); each sign-in comes from its own address so the per-IP
 * budget is never what answers.
 */
async function loginOnce(email: string, password: string): Promise<{ ms: number; cookie: string; redirectTo: string }> {
  const n = ++signIns;
  const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  const started = performance.now();
  const res = await request("/login/session", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", origin: BASE, "x-forwarded-for": ip },
    body: JSON.stringify({ identity: email, password, remember: false }),
  });
  const ms = performance.now() - started;
  const cookie = [res.headers["set-cookie"] ?? []].flat().find((c) => c.startsWith("gatehouse.session="));
  if (res.status !== 200 || !cookie) throw new Error(`login did not set the session cookie (status ${res.status}): ${res.body.slice(0, 300)}`);
  return { ms, cookie: cookie.split(";")[0]!, redirectTo: (JSON.parse(res.body) as { redirectTo: string }).redirectTo };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function firstLoadJs(path: string): Promise<{ files: number; gzipBytes: number }> {
  const html = (await request(path)).body;
  // nomodule scripts (legacy polyfills) are not downloaded by the browsers Next supports.
  const scripts = [...html.matchAll(/<script([^>]*)>/g)]
    .filter((m) => !/nomodule/i.test(m[1]!))
    .map((m) => /src="([^"]+)"/.exec(m[1]!)?.[1])
    .filter((src): src is string => Boolean(src));
  let gzipBytes = 0;
  for (const src of new Set(scripts)) gzipBytes += gzipSync((await request(src)).body).length;
  return { files: new Set(scripts).size, gzipBytes };
}

/** The per-database numbers: sign-in latency, `/` throughput anonymous vs signed in, the admin list, a sign-in's database work. */
async function measure(sql: postgres.Sql, email: string, password: string): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};

  // 2. Login latency (sequential, after warm-up): the sign-in request, and separately the landing
  // page the browser loads next. argon2id verifications are interleaved with the sign-ins so both
  // see the same machine.
  const { hash, verify } = await import("@node-rs/argon2");
  const stored = await hash("bench passphrase 1234", { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 });
  for (let i = 0; i < 5; i++) await loginOnce(email, password);
  const loginTimes: number[] = [];
  const landingTimes: number[] = [];
  const argon2Times: number[] = [];
  let cookie = "";
  for (let i = 0; i < LOGIN_SAMPLES; i++) {
    const t = performance.now();
    await verify(stored, "bench passphrase 1234");
    argon2Times.push(performance.now() - t);
    const r = await loginOnce(email, password);
    const landing = await request(r.redirectTo, { headers: { cookie: r.cookie } });
    if (landing.status !== 200) throw new Error(`${r.redirectTo} answered ${landing.status} after sign-in`);
    loginTimes.push(r.ms);
    landingTimes.push(performance.now() - t - argon2Times[i]!);
    cookie = r.cookie;
  }
  const argon2 = median(argon2Times);
  results.login = {
    medianMs: median(loginTimes),
    argon2VerifyMedianMs: argon2,
    overheadMs: median(loginTimes) - argon2,
    signInPlusLandingPageMedianMs: median(landingTimes),
  };

  // 1. Throughput of `/`, anonymous vs signed-in. Short windows alternate (A S, S A, …) so drift
  // on a shared machine (other processes, CPU clocks, GC) lands on both sides; the cost is taken
  // from the totals. Then one signed-in window counts database round trips per request.
  await load("/", {}, WARMUP_SECONDS);
  await load("/", { cookie }, WARMUP_SECONDS);
  const totals = { anonymous: 0, signedIn: 0 };
  const pairCosts: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? (["anonymous", "signedIn"] as const) : (["signedIn", "anonymous"] as const);
    const rps = { anonymous: 0, signedIn: 0 };
    for (const who of order) {
      rps[who] = (await load("/", who === "signedIn" ? { cookie } : {}, WINDOW_SECONDS)).rps;
      totals[who] += rps[who];
    }
    pairCosts.push((1 - rps.signedIn / rps.anonymous) * 100);
  }
  const xactBefore = await commits(sql);
  const counted = await load("/", { cookie }, WINDOW_SECONDS);
  const xactAfter = await commits(sql);
  results.throughput = {
    rounds: ROUNDS,
    windowSeconds: WINDOW_SECONDS,
    anonymousRps: totals.anonymous / ROUNDS,
    signedInRps: totals.signedIn / ROUNDS,
    sessionCheckCostPct: (1 - totals.signedIn / totals.anonymous) * 100,
    pairCostPct: { median: median(pairCosts), min: Math.min(...pairCosts), max: Math.max(...pairCosts) },
    // Minus one: the "before" read's own transaction.
    dbRoundTripsPerSignedInRequest: (xactAfter - xactBefore - 1) / counted.requests,
  };


  results.adminUserList = await adminListLatency(cookie);
  results.signInDatabaseWork = await signInWork(sql, email, password);
  return results;
}

/** Median latency of /admin/users (offset pagination, lib/security/users.ts listUsers): page 1 and a deep page. */
async function adminListLatency(adminCookie: string): Promise<Record<string, number>> {
  const { userCount } = { userCount: Number(process.env.BENCH_SEED_USERS ?? 1_000_000) };
  const deepPage = Math.max(2, Math.floor(userCount / 50 / 2));
  const timed = async (path: string) => {
    const times: number[] = [];
    for (let i = 0; i < 25; i++) {
      const t = performance.now();
      const res = await request(path, { headers: { cookie: adminCookie } });
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      times.push(performance.now() - t);
    }
    return median(times);
  };
  return { firstPageMedianMs: await timed("/admin/users"), [`page${deepPage}MedianMs`]: await timed(`/admin/users?page=${deepPage}`) };
}

/** Statements (autocommit transactions) and rows written per sign-in, over 20 sign-ins. */
async function signInWork(sql: postgres.Sql, email: string, password: string): Promise<Record<string, number>> {
  const before = await counters(sql);
  const n = 20;
  for (let i = 0; i < n; i++) await loginOnce(email, password);
  const after = await counters(sql);
  return {
    transactionsPerSignIn: (after.xact - before.xact - 1) / n,
    rowsInsertedPerSignIn: (after.ins - before.ins) / n,
    rowsUpdatedPerSignIn: (after.upd - before.upd) / n,
    rowsDeletedPerSignIn: (after.del - before.del) / n,
  };
}

async function counters(sql: postgres.Sql): Promise<{ xact: number; ins: number; upd: number; del: number }> {
  await new Promise((r) => setTimeout(r, 11_000));
  const [row] = await sql`select xact_commit::bigint as xact, tup_inserted::bigint as ins, tup_updated::bigint as upd, tup_deleted::bigint as del
    from pg_stat_database where datname = current_database()`;
  return { xact: Number(row?.xact), ins: Number(row?.ins), upd: Number(row?.upd), del: Number(row?.del) };
}

/** EXPLAIN (ANALYZE) of the queries every request or sign-in runs, as the app sends them. */
async function explainHotQueries(sql: postgres.Sql, userId: string): Promise<Record<string, string>> {
  const [session] = await sql`select token_hash from sessions where user_id = ${userId} limit 1`;
  const queries: Record<string, string> = {
    sessionLookup: `select s.*, u.* from sessions s join users u on u.id = s.user_id where s.token_hash = '${session?.token_hash}' and s.expires_at > now() and u.active`,
    userByEmail: `select * from users where email_normalized = 'seed-500000@example.com'`,
    rateLimitUpsert: `insert into rate_limits (bucket, key, window_start, count, expires_at) values ('login:ip', 'explain', now(), 1, now() + interval '15 minutes') on conflict (bucket, key) do update set count = rate_limits.count + 1`,
    eventInsert: `insert into security_events (user_id, type, data) values ('${userId}', 'user_authenticated', '{}')`,
    activityLog: `select type, ip, user_agent, data, at from security_events where user_id = '${userId}' order by at desc, id desc limit 50`,
    adminListFirstPage: `select * from users order by created_at, id limit 50 offset 0`,
    adminListDeepPage: `select * from users order by created_at, id limit 50 offset 500000`,
    adminListCount: `select count(*) from users`,
    outboxDue: `select id from outbox where (status = 'pending' and next_attempt_at <= now()) or (status = 'sending' and claimed_until < now()) order by id limit 25 for update skip locked`,
  };
  const out: Record<string, string> = {};
  for (const [name, query] of Object.entries(queries)) {
    // Rolled back: the EXPLAIN ANALYZE of a write must not leave the row.
    await sql.begin(async (tx) => {
      const rows = await tx.unsafe(`explain (analyze, buffers off, timing on) ${query}`);
      out[name] = rows.map((r) => String(Object.values(r)[0])).join("\n");
      throw new RollBack();
    }).catch((e: unknown) => {
      if (!(e instanceof RollBack)) throw e;
    });
  }
  return out;
}

class RollBack extends Error {}

async function main(): Promise<void> {
  const sql = postgres(DATABASE_URL!, { max: 1, onnotice: () => {} });
  if (process.env.BENCH_THROWAWAY_DATABASE === "1") {
    // Autovacuum's own transactions would count as the app's round trips.
    await sql.unsafe("alter system set autovacuum = off");
    await sql.unsafe("select pg_reload_conf()");
  }
  const results: Record<string, unknown> = { at: new Date().toISOString(), concurrency: CONCURRENCY };

  let server = startServer(serverEnv);
  await waitFor200("/login");
  const email = `bench-${Date.now()}@example.com`;
  const password = "bench passphrase that is long";
  const { addRoleToUser, createUser } = await import("../lib/security/accounts/users");
  const user = await createUser({ email, password, confirmed: true });
  await addRoleToUser(user!.id, "admin");

  Object.assign(results, await measure(sql, email, password));
  if (process.env.BENCH_SCALE === "1") {
    const { seed } = await import("./bench-seed");
    results.seed = await seed(DATABASE_URL!);
    results.large = await measure(sql, email, password);
    results.explain = await explainHotQueries(sql, user!.id);
  }

  // 3. First-load JS of /login.
  results.loginFirstLoadJs = await firstLoadJs("/login");
  // The framework's own floor: a page with no client components of ours (the 404 page).
  results.frameworkFloorJs = await firstLoadJs("/no-such-page-bench");
  await stop(server);

  // 4. Cold start on an existing PGlite folder.
  const pgliteEnv: NodeJS.ProcessEnv = { ...serverEnv, DATABASE_URL: "", PGLITE_DIR: ".data/bench-pglite" };
  server = startServer(pgliteEnv);
  await waitFor200("/login"); // first open: initdb + migrations
  await stop(server);
  const coldStarts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    server = startServer(pgliteEnv);
    await waitFor200("/login");
    coldStarts.push(performance.now() - started);
    await stop(server);
  }
  results.coldStartMs = { median: median(coldStarts), runs: coldStarts };
  await sql.end();
  // createUser opened the app's own pool; an open pool would keep this process alive.
  const { closeDb } = await import("../lib/db");
  await closeDb();

  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/latest.json", `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
  agent.destroy();
}

/**
 * Committed transactions so far. A backend flushes its counters when idle but at most once a
 * second, otherwise after PostgreSQL's 10-second idle interval; waiting 11 s first makes the count
 * exact. The read itself is one transaction, subtracted by the caller.
 */
async function commits(sql: postgres.Sql): Promise<number> {
  await new Promise((r) => setTimeout(r, 11_000));
  const [row] = await sql`select xact_commit::bigint as n from pg_stat_database where datname = current_database()`;
  return Number(row?.n ?? 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
