/**
 * `npm run bench` (via scripts/bench.sh, which starts a throwaway PostgreSQL and builds the app
 * with its bench-only control routes into .next-bench):
 *  0. the pages users load next to the framework's floor (scripts/bench-pages.ts): /account,
 *     /login, /api/me and the control routes — requests/s, p50/p99, CPU per request of the app
 *     and of PostgreSQL, round trips and response bytes; and /account on two server processes
 *     against one (server/start.mjs);
 *  1. throughput of `/` for a signed-in vs an anonymous visitor on `next start`, in alternating
 *     windows (and database round trips per request, from pg_stat_database's transaction counter);
 *  2. login latency of the sign-in form's request (POST /login/session) vs a bare argon2id
 *     verification, and sign-in + the landing page the browser loads next;
 *  3. first-load JavaScript of /login, gzipped;
 *  4. cold start of `next start` on an existing PGlite folder to the first 200;
 *  5. the admin user list (first and middle page, an email-prefix search and its middle page), and the database work of a sign-in (statements
 *     and rows written, from pg_stat_database).
 * With BENCH_SCALE=1 it measures 1, 2 and 5 on the small database, seeds 1 M users and 10 M
 * security events (scripts/bench-seed.ts), measures them again, and records EXPLAIN of the hot
 * queries (docs/scaling.md).
 * BENCH_PARTS (comma-separated; default all) picks: pages, cluster, login, root, admin, js, cold.
 * Prints a table and writes bench-results/latest.json.
 */
import type { ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import { gzipSync } from "node:zlib";
import postgres from "postgres";
import { SESSION_LOOKUP, explainHotQueries } from "./bench-explain";
import { assertPortFree, benchServerEnv, failRun, startServer, stopServer, waitFor200 } from "./bench-servers";
import { PAGE_ROUTES, alternatingWindows, cpuRatio, postmasterPid, ratio, responseBytes, roundTrips } from "./bench-pages";
import { adminListLatency } from "./bench-admin-list";

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) throw new Error("bench needs DATABASE_URL (scripts/bench.sh provides one)");
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://localhost:${PORT}`;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const WINDOW_SECONDS = Number(process.env.BENCH_WINDOW_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const WARMUP_SECONDS = 3;
const LOGIN_SAMPLES = Number(process.env.BENCH_LOGINS ?? 60);
const SCALE = process.env.BENCH_SCALE === "1";
// BENCH_SEED_USERS=0 with BENCH_SCALE=1: the A/A run, both databases seeded alike.
const AA_RUN = Number(process.env.BENCH_SEED_USERS ?? 1) === 0;
// Seeded addresses share "seed-": "seed-5" matches 111 of the small database's 1,000 and 111,111
// of the large one's 1 M. Without a seed the only account is the bench admin, "bench-…".
const ADMIN_SEARCH_PREFIX = SCALE ? "seed-5" : "bench-";
const PARTS = new Set((process.env.BENCH_PARTS ?? "pages,cluster,login,root,admin,js,cold").split(","));
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const serverEnv = benchServerEnv(PORT);

interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(path: string, options: { base?: string; method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${options.base ?? BASE}${path}`, { method: options.method ?? "GET", headers: options.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

/** Closed-loop load: CONCURRENCY workers requesting `path` for `seconds`; returns req/s. */
async function load(base: string, path: string, headers: Record<string, string>, seconds: number): Promise<{ rps: number; requests: number }> {
  const until = performance.now() + seconds * 1000;
  let requests = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const res = await request(path, { base, headers });
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
async function loginOnce(base: string, email: string, password: string): Promise<{ ms: number; cookie: string; redirectTo: string }> {
  const n = ++signIns;
  const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
  const started = performance.now();
  const res = await request("/login/session", {
    base,
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", origin: base, "x-forwarded-for": ip },
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

/** One app server on one database: the small one, or (BENCH_SCALE=1) the seeded one. */
interface Target {
  name: "small" | "large";
  base: string;
  sql: postgres.Sql;
  server: ChildProcess;
  cookie: string;
}

/**
 * Everything measured per database. With two targets the samples interleave — one sign-in on
 * each in turn, throughput windows in rotating order — so a busy moment of a shared machine lands
 * on both and the small/large ratio is not the machine's drift.
 */
async function measure(targets: Target[], email: string, password: string): Promise<Record<string, Record<string, unknown>>> {
  const out: Record<string, Record<string, unknown>> = Object.fromEntries(targets.map((t) => [t.name, {}]));

  // 2. Login latency (sequential, after warm-up): the sign-in request, and separately the landing
  // page the browser loads next. argon2id verifications are interleaved with the sign-ins so both
  // see the same machine.
  for (const t of targets) if (!t.cookie) t.cookie = (await loginOnce(t.base, email, password)).cookie;
  if (targets.length > 1) await warmAlike(targets, email, password);
  if (PARTS.has("login")) await loginLatency(targets, email, password, out);
  if (PARTS.has("root")) await rootThroughput(targets, out);
  if (!PARTS.has("admin")) return out;

  // 5. The admin user list, interleaved the same way, and a sign-in's database work.
  const lists = await adminListLatency(targets, ADMIN_SEARCH_PREFIX, (t, path) => request(path, { base: t.base, headers: { cookie: t.cookie } }));
  for (const t of targets) {
    out[t.name]!.adminUserList = lists[t.name];
    out[t.name]!.signInDatabaseWork = await signInWork(t, email, password);
  }
  return out;
}

/**
 * The A/A fix: before anything is compared, every server gets the same load of every route it will
 * be measured on, in alternating order. Without it the small database's server, which had served
 * the set-up's requests (and the pages part), ran its code warmer: an A/A run (BENCH_SEED_USERS=0,
 * two identical databases) gave the second server 0.83 of the first's throughput.
 */
async function warmAlike(targets: Target[], email: string, password: string): Promise<void> {
  for (let round = 0; round < 3; round++) {
    for (const t of round % 2 === 0 ? targets : [...targets].reverse()) {
      for (let i = 0; i < 10; i++) await loginOnce(t.base, email, password);
      await load(t.base, "/", {}, WARMUP_SECONDS);
      await load(t.base, "/", { cookie: t.cookie }, WARMUP_SECONDS);
      for (let i = 0; i < 5; i++) await request(`/admin/users?q=${ADMIN_SEARCH_PREFIX}&by=email`, { base: t.base, headers: { cookie: t.cookie } });
    }
  }
}

async function loginLatency(targets: Target[], email: string, password: string, out: Record<string, Record<string, unknown>>): Promise<void> {
  const { hash, verify } = await import("@node-rs/argon2");
  const stored = await hash("bench passphrase 1234", { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 });
  for (const t of targets) for (let i = 0; i < 5; i++) await loginOnce(t.base, email, password);
  const samples = new Map(targets.map((t) => [t.name, { login: [] as number[], landing: [] as number[], argon2: [] as number[] }]));
  for (let i = 0; i < LOGIN_SAMPLES; i++) {
    for (const t of i % 2 === 0 ? targets : [...targets].reverse()) {
      const s = samples.get(t.name)!;
      const started = performance.now();
      await verify(stored, "bench passphrase 1234");
      const argon2 = performance.now() - started;
      const r = await loginOnce(t.base, email, password);
      const landing = await request(r.redirectTo, { base: t.base, headers: { cookie: r.cookie } });
      if (landing.status !== 200) throw new Error(`${r.redirectTo} answered ${landing.status} after sign-in`);
      s.argon2.push(argon2);
      s.login.push(r.ms);
      s.landing.push(performance.now() - started - argon2);
      t.cookie = r.cookie;
    }
  }
  for (const t of targets) {
    const s = samples.get(t.name)!;
    out[t.name]!.login = {
      medianMs: median(s.login),
      argon2VerifyMedianMs: median(s.argon2),
      overheadMs: median(s.login) - median(s.argon2),
      signInPlusLandingPageMedianMs: median(s.landing),
    };
  }
}

async function rootThroughput(targets: Target[], out: Record<string, Record<string, unknown>>): Promise<void> {
  // 1. Throughput of `/`: anonymous and signed in on the small database, signed in on the large
  // one. Short windows in rotating order (drift on a shared machine — other processes, CPU
  // clocks, GC — lands on every side); the ratios are taken from the totals. Then one signed-in
  // window per database counts round trips per request.
  // Every server serves both kinds of window, so neither does more of the work (the A/A fix).
  const windows: { key: string; target: Target; signedIn: boolean }[] = targets.flatMap((t) => [
    { key: `${t.name}.anonymous`, target: t, signedIn: false },
    { key: `${t.name}.signedIn`, target: t, signedIn: true },
  ]);
  for (const w of windows) await load(w.target.base, "/", w.signedIn ? { cookie: w.target.cookie } : {}, WARMUP_SECONDS);
  const totals: Record<string, number> = Object.fromEntries(windows.map((w) => [w.key, 0]));
  const pairCosts: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order = windows.map((_, i) => windows[(i + round) % windows.length]!);
    const rps: Record<string, number> = {};
    for (const w of order) {
      rps[w.key] = (await load(w.target.base, "/", w.signedIn ? { cookie: w.target.cookie } : {}, WINDOW_SECONDS)).rps;
      totals[w.key]! += rps[w.key]!;
    }
    pairCosts.push((1 - rps["small.signedIn"]! / rps["small.anonymous"]!) * 100);
  }
  for (const t of targets) {
    const xactBefore = await commits(t.sql);
    const counted = await load(t.base, "/", { cookie: t.cookie }, WINDOW_SECONDS);
    const xactAfter = await commits(t.sql);
    out[t.name]!.throughput = {
      rounds: ROUNDS,
      windowSeconds: WINDOW_SECONDS,
      signedInRps: totals[`${t.name}.signedIn`]! / ROUNDS,
      anonymousRps: totals[`${t.name}.anonymous`]! / ROUNDS,
      ...(t.name === "small"
        ? {
            sessionCheckCostPct: (1 - totals["small.signedIn"]! / totals["small.anonymous"]!) * 100,
            pairCostPct: { median: median(pairCosts), min: Math.min(...pairCosts), max: Math.max(...pairCosts) },
          }
        : {}),
      // Minus one: the "before" read's own transaction.
      dbRoundTripsPerSignedInRequest: (xactAfter - xactBefore - 1) / counted.requests,
    };
  }

  // The database's own share of a signed-in request, without the app or HTTP: the session lookup
  // as a prepared statement (as the app sends it), in alternating blocks.
  const lookups = new Map(targets.map((t) => [t.name, [] as number[]]));
  const hashes = new Map<string, string>();
  for (const t of targets) {
    const [row] = await t.sql<
      { token_hash: string }[]
    >`select token_hash from sessions where user_agent is distinct from 'seed' order by created_at desc limit 1`;
    hashes.set(t.name, row!.token_hash);
  }
  for (let block = 0; block < 20; block++) {
    for (const t of block % 2 === 0 ? targets : [...targets].reverse()) {
      for (let i = 0; i < 100; i++) {
        const started = performance.now();
        const [found] = await t.sql.unsafe(SESSION_LOOKUP, [hashes.get(t.name)!], { prepare: true });
        if (!found) throw new Error("the session lookup found no session");
        lookups.get(t.name)!.push(performance.now() - started);
      }
    }
  }
  for (const t of targets) (out[t.name]!.throughput as Record<string, unknown>).sessionLookupQueryMedianMs = median(lookups.get(t.name)!);
}

/**
 * 0. The pages against the floor (scripts/bench-pages.ts) on the one-process server, then /account
 * and the dynamic control page on a two-process server against the one-process one, in
 * alternating windows (each server idle while the other is loaded).
 */
async function pagesAndFloor(small: Target, email: string, password: string): Promise<Record<string, unknown>> {
  const cookie = (await loginOnce(small.base, email, password)).cookie;
  const pg = await postmasterPid(small.sql);
  const options = { rounds: ROUNDS, windowSeconds: WINDOW_SECONDS, concurrency: CONCURRENCY };
  const one = { key: "oneProcess", base: small.base, pids: { app: small.server.pid!, pg } };
  const out: Record<string, unknown> = {};
  if (PARTS.has("pages")) {
    const pages = await alternatingWindows([one], PAGE_ROUTES, cookie, options);
    out.windows = Object.fromEntries(Object.entries(pages).map(([k, v]) => [k.replace(/^oneProcess\./, ""), v]));
    out.ratios = {
      loginOverStaticFloor: ratio(pages, "oneProcess.login", "oneProcess.floorStatic"),
      accountOverDynamicFloor: ratio(pages, "oneProcess.account", "oneProcess.floorDynamic"),
      // The measure for signed-in pages: CPU per request, round by round.
      accountCpuOverDynamicFloorCpu: cpuRatio(pages, "oneProcess.account", "oneProcess.floorDynamic"),
      // What the two round trips cost by themselves, and what is left of /account's own (decision 075).
      roundTripFloorCpuOverDynamicFloorCpu: cpuRatio(pages, "oneProcess.floorDynamicRoundTrips", "oneProcess.floorDynamic"),
      accountCpuOverRoundTripFloorCpu: cpuRatio(pages, "oneProcess.account", "oneProcess.floorDynamicRoundTrips"),
      apiMeOverHandlerFloor: ratio(pages, "oneProcess.apiMe", "oneProcess.floorHandler"),
    };
    out.responseBytes = await responseBytes(small.base, PAGE_ROUTES, cookie);
    out.dbRoundTripsPerRequest = await roundTrips(small.base, PAGE_ROUTES, cookie, small.sql);
  }
  if (PARTS.has("cluster")) {
    const base = `http://localhost:${PORT + 2}`;
    const server = startServer({ ...serverEnv, APP_URL: base, SERVER_PROCESSES: "2" }, PORT + 2);
    await waitFor200(base, "/api/ready");
    const two = { key: "twoProcesses", base, pids: { app: server.pid!, pg } };
    const routes = PAGE_ROUTES.filter((r) => ["account", "floorDynamic", "floorDynamicRoundTrips"].includes(r.key));
    const cluster = await alternatingWindows([one, two], routes, cookie, options);
    out.cluster = {
      windows: cluster,
      oneProcessAccountCpuOverFloorCpu: cpuRatio(cluster, "oneProcess.account", "oneProcess.floorDynamic"),
      twoOverOne: {
        account: ratio(cluster, "twoProcesses.account", "oneProcess.account"),
        floorDynamic: ratio(cluster, "twoProcesses.floorDynamic", "oneProcess.floorDynamic"),
        floorDynamicRoundTrips: ratio(cluster, "twoProcesses.floorDynamicRoundTrips", "oneProcess.floorDynamicRoundTrips"),
      },
    };
    await stopServer(server);
  }
  return out;
}

/** Transactions (statements sent as one round trip each) and rows written per sign-in, over 20 sign-ins. */
async function signInWork(t: Target, email: string, password: string): Promise<Record<string, number>> {
  const before = await counters(t.sql);
  const n = 20;
  for (let i = 0; i < n; i++) await loginOnce(t.base, email, password);
  const after = await counters(t.sql);
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

/** The bench admin, copied row for row into the seeded database (same id, hash and admin role). */
async function copyUser(from: postgres.Sql, to: postgres.Sql, userId: string): Promise<void> {
  const [user] = await from`select * from users where id = ${userId}`;
  const roles = await from`select r.* from roles r join user_roles ur on ur.role_id = r.id where ur.user_id = ${userId}`;
  await to`insert into users ${to(user!)}`;
  for (const role of roles) {
    await to`insert into roles ${to(role)} on conflict do nothing`;
    await to`insert into user_roles (user_id, role_id) select ${userId}, id from roles where name = ${role.name as string}`;
  }
}

function databaseUrl(name: string): string {
  const url = new URL(DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function main(): Promise<void> {
  const sql = postgres(DATABASE_URL!, { max: 1, onnotice: () => {} });
  if (process.env.BENCH_THROWAWAY_DATABASE === "1") {
    // Autovacuum's own transactions would count as the app's round trips.
    await sql.unsafe("alter system set autovacuum = off");
    await sql.unsafe("select pg_reload_conf()");
  }
  const results: Record<string, unknown> = { at: new Date().toISOString(), concurrency: CONCURRENCY };

  for (const port of [PORT, PORT + 1, PORT + 2]) await assertPortFree(port);
  const small: Target = { name: "small", base: BASE, sql, server: startServer(serverEnv, PORT), cookie: "" };
  await waitFor200(BASE, "/api/ready");
  const email = `bench-${Date.now()}@example.com`;
  const password = "bench passphrase that is long";
  const { createUser } = await import("../lib/security/accounts/users");
  const { addRoleToUser } = await import("../lib/security/accounts/user-roles");
  const user = await createUser({ email, password, confirmed: true });
  await addRoleToUser(user!.id, "admin");
  const targets = [small];

  if (SCALE) {
    // A second database on the same server, seeded, with its own app server: measured side by
    // side with the small one.
    const [exists] = await sql`select 1 from pg_database where datname = 'bench_large'`;
    if (!exists) await sql.unsafe("create database bench_large");
    const largeUrl = databaseUrl("bench_large");
    const largeBase = `http://localhost:${PORT + 1}`;
    const largeSql = postgres(largeUrl, { max: 1, onnotice: () => {} });
    const large: Target = {
      name: "large",
      base: largeBase,
      sql: largeSql,
      server: startServer({ ...serverEnv, DATABASE_URL: largeUrl, APP_URL: largeBase }, PORT + 1),
      cookie: "",
    };
    await waitFor200(largeBase, "/api/ready"); // migrated
    const { seed, SMALL_SEED } = await import("./bench-seed");
    results.seed = { small: await seed(DATABASE_URL!, SMALL_SEED), large: await seed(largeUrl, AA_RUN ? SMALL_SEED : undefined) };
    await largeSql`delete from users where email = ${email}`;
    await copyUser(sql, largeSql, user!.id);
    targets.push(large);
  }

  if (PARTS.has("pages") || PARTS.has("cluster")) results.pages = await pagesAndFloor(small, email, password);
  const measured = await measure(targets, email, password);
  if (SCALE) {
    results.small = measured.small;
    results.large = measured.large;
    const ratio = (path: (r: Record<string, unknown>) => number) => path(measured.large!) / path(measured.small!);
    const get = (r: Record<string, unknown>, a: string, b: string) => (r[a] as Record<string, number>)[b]!;
    results.largeOverSmall = {
      signedInRps: ratio((r) => get(r, "throughput", "signedInRps")),
      anonymousRps: ratio((r) => get(r, "throughput", "anonymousRps")),
      sessionLookupQueryMedianMs: ratio((r) => get(r, "throughput", "sessionLookupQueryMedianMs")),
      signInMedianMs: ratio((r) => get(r, "login", "medianMs")),
      adminFirstPageMedianMs: ratio((r) => get(r, "adminUserList", "firstPageMedianMs")),
      adminMiddlePageMedianMs: ratio((r) => get(r, "adminUserList", "middlePageMedianMs")),
      adminSearchFirstPageMedianMs: ratio((r) => get(r, "adminUserList", "searchFirstPageMedianMs")),
      adminSearchMiddlePageMedianMs: ratio((r) => get(r, "adminUserList", "searchMiddlePageMedianMs")),
    };
    // BENCH_SEED_USERS=0 seeds the second database like the first: an A/A run that shows what the
    // second server's position alone does to the ratios. Nothing to explain then.
    if (!AA_RUN) results.explain = await explainHotQueries(targets[1]!.sql, user!.id);
    await stopServer(targets[1]!.server);
    await targets[1]!.sql.end();
  } else {
    Object.assign(results, measured.small);
  }

  // 3. First-load JS of /login.
  if (PARTS.has("js")) {
    results.loginFirstLoadJs = await firstLoadJs("/login");
    // The framework's own floor: a page with no client components of ours (the 404 page).
    results.frameworkFloorJs = await firstLoadJs("/no-such-page-bench");
  }
  await stopServer(small.server);
  if (PARTS.has("cold")) await coldStart(results);
  await finish(results, sql);
}

async function coldStart(results: Record<string, unknown>): Promise<void> {
  // 4. Cold start on an existing PGlite folder.
  const pgliteEnv: NodeJS.ProcessEnv = { ...serverEnv, DATABASE_URL: "", PGLITE_DIR: ".data/bench-pglite" };
  let server = startServer(pgliteEnv, PORT);
  await waitFor200(BASE, "/login"); // first open: initdb + migrations
  await stopServer(server);
  const coldStarts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    server = startServer(pgliteEnv, PORT);
    await waitFor200(BASE, "/login");
    coldStarts.push(performance.now() - started);
    await stopServer(server);
  }
  results.coldStartMs = { median: median(coldStarts), runs: coldStarts };
}

async function finish(results: Record<string, unknown>, sql: postgres.Sql): Promise<void> {
  await sql.end();
  // createUser opened the app's own pool; an open pool would keep this process alive.
  const { closeDb } = await import("../lib/db");
  await closeDb();

  mkdirSync("bench-results", { recursive: true });
  writeFileSync(`bench-results/${SCALE ? "scale" : "latest"}.json`, `${JSON.stringify(results, null, 2)}\n`);
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

main().catch(failRun);
