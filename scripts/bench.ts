/**
 * `npm run bench` (via scripts/bench.sh, which starts a throwaway PostgreSQL and builds):
 *  1. throughput of `/` for a signed-in vs an anonymous visitor on `next start` (and database
 *     round trips per request, from pg_stat_database's transaction counter);
 *  2. login latency through the real server action vs a bare argon2id verification;
 *  3. first-load JavaScript of /login, gzipped;
 *  4. cold start of `next start` on an existing PGlite folder to the first 200.
 * Prints a table and writes bench-results/latest.json.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import { gzipSync } from "node:zlib";
import postgres from "postgres";

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) throw new Error("bench needs DATABASE_URL (scripts/bench.sh provides one)");
const PORT = 3300;
const BASE = `http://localhost:${PORT}`;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const serverEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production" as const,
  APP_URL: BASE,
  AUTH_SECRET: "bench-secret-bench-secret-bench-secret-1234",
  MAIL_TRANSPORT: "outbox",
  SECURITY_RATE_LIMIT_ENABLED: "false",
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

/** Closed-loop load: CONCURRENCY workers requesting `path` for SECONDS; returns req/s. */
async function load(path: string, headers: Record<string, string>): Promise<{ rps: number; requests: number }> {
  const until = performance.now() + SECONDS * 1000;
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
  return { rps: requests / SECONDS, requests };
}

function loginActionId(): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const entry = Object.entries(manifest.node).find(([, v]) => v.exportedName === "loginAction");
  if (!entry) throw new Error("loginAction not found in the server reference manifest (run next build)");
  return entry[0];
}

/** One sign-in through the real server action, as the login form sends it. */
async function loginOnce(actionId: string, email: string, password: string): Promise<{ ms: number; cookie: string }> {
  const started = performance.now();
  const res = await request("/login", {
    method: "POST",
    headers: { "next-action": actionId, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: BASE },
    body: JSON.stringify([{ identity: email, password, remember: false }]),
  });
  const ms = performance.now() - started;
  const cookie = [res.headers["set-cookie"] ?? []].flat().find((c) => c.startsWith("gatehouse.session="));
  if (!cookie) throw new Error(`login did not set the session cookie (status ${res.status}): ${res.body.slice(0, 300)}`);
  return { ms, cookie: cookie.split(";")[0]! };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function argon2Median(): Promise<number> {
  const { hash, verify } = await import("@node-rs/argon2");
  const stored = await hash("bench passphrase 1234", { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 });
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const t = performance.now();
    await verify(stored, "bench passphrase 1234");
    times.push(performance.now() - t);
  }
  return median(times);
}

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

async function main(): Promise<void> {
  const sql = postgres(DATABASE_URL!, { max: 1, onnotice: () => {} });
  const results: Record<string, unknown> = { at: new Date().toISOString(), concurrency: CONCURRENCY, seconds: SECONDS };

  let server = startServer(serverEnv);
  await waitFor200("/login");
  const email = `bench-${Date.now()}@example.com`;
  const password = "bench passphrase that is long";
  const { createUser } = await import("../lib/security/users");
  await createUser({ email, password, confirmed: true });

  // 2. Login latency (sequential, after warm-up).
  const actionId = loginActionId();
  for (let i = 0; i < 5; i++) await loginOnce(actionId, email, password);
  const loginTimes: number[] = [];
  let cookie = "";
  for (let i = 0; i < 30; i++) {
    const r = await loginOnce(actionId, email, password);
    loginTimes.push(r.ms);
    cookie = r.cookie;
  }
  const argon2 = await argon2Median();
  results.login = { medianMs: median(loginTimes), argon2VerifyMedianMs: argon2, overheadMs: median(loginTimes) - argon2 };

  // 1. Throughput: anonymous vs signed-in `/`, plus round trips per signed-in request.
  await load("/", {});
  await load("/", { cookie });
  const anonymous = await load("/", {});
  const xactBefore = await commits(sql);
  const signedIn = await load("/", { cookie });
  const xactAfter = await commits(sql);
  results.throughput = {
    anonymousRps: anonymous.rps,
    signedInRps: signedIn.rps,
    sessionCheckCostPct: (1 - signedIn.rps / anonymous.rps) * 100,
    dbRoundTripsPerSignedInRequest: (xactAfter - xactBefore) / signedIn.requests,
  };

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

async function commits(sql: postgres.Sql): Promise<number> {
  const [row] = await sql`select xact_commit::bigint as n from pg_stat_database where datname = current_database()`;
  // pg_stat counters are flushed lazily; give the stats collector a moment.
  await new Promise((r) => setTimeout(r, 600));
  const [again] = await sql`select xact_commit::bigint as n from pg_stat_database where datname = current_database()`;
  return Number(again?.n ?? row?.n ?? 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
