/**
 * `npm run bench` part 2 (after scripts/bench.ts, same throwaway PostgreSQL and build): GET /api/me
 * with an auth token and with a session cookie against the framework's floor — GET /api/health, a
 * bare route handler in the same build (no auth, no database, skipped by the proxy like /api/me) —
 * in rotating windows, with one and with two `node server/start.mjs` processes. Load from wrk
 * (C, one thread: the load generator takes less of the two cores than a Node loop would).
 * A second control route, the floor plus one indexed read through the app's pool
 * (app/api/security/bench-floor-round-trip, decision 074), says how much of /api/me's gap to the
 * floor is the round trip it must make. Reports absolute requests/s, ratios to both floors (over all rounds and
 * the median of each round's own), the app's and PostgreSQL's CPU per request, and database
 * round trips per request.
 * Writes bench-results/api-me.json.
 */
import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";
import postgres from "postgres";
import { cpuMsPerRequest, postmasterPid, treeTicks, wrkCounts } from "./bench-pages";
import { assertPortFree, benchServerEnv, failRun, startServer, stopServer, waitFor200 } from "./bench-servers";

const run = promisify(execFile);
const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) throw new Error("bench-api needs DATABASE_URL (scripts/bench.sh provides one)");
const PORT = Number(process.env.BENCH_API_PORT ?? 3310);
const CONNECTIONS = Number(process.env.BENCH_CONCURRENCY ?? 32);
const WINDOW_SECONDS = Number(process.env.BENCH_WINDOW_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);

/** The token lives the whole run (15 minutes by default could end mid-bench). */
const serverEnv = (port: number): NodeJS.ProcessEnv => benchServerEnv(port, { SECURITY_TOKEN_MAX_AGE: "1d" });

interface Servers {
  ports: number[];
  /** The server processes' pids and PostgreSQL's postmaster: CPU is read from their process trees. */
  appPids: number[];
  pgPid: number | null;
}

interface Window {
  rps: number;
  requests: number;
  appCpuMsPerRequest: number;
  pgCpuMsPerRequest: number | null;
}

/**
 * One wrk window per port at once (the connections split between them): total requests/s, and
 * the CPU the app's processes and PostgreSQL's spent per request over the window.
 */
async function window(servers: Servers, path: string, header: string | null, seconds: number): Promise<Window> {
  const each = Math.max(1, Math.floor(CONNECTIONS / servers.ports.length));
  const appTicks = () => servers.appPids.reduce((total, pid) => total + treeTicks(pid), 0);
  const appBefore = appTicks();
  const pgBefore = servers.pgPid ? treeTicks(servers.pgPid) : 0;
  const counts = await Promise.all(
    servers.ports.map((port) => {
      const url = `http://localhost:${port}${path}`;
      return run("wrk", ["-t1", `-c${each}`, `-d${seconds}s`, ...(header ? ["-H", header] : []), url]).then((r) => wrkCounts(url, r.stdout));
    }),
  );
  const appSpent = appTicks() - appBefore;
  const pgSpent = servers.pgPid ? treeTicks(servers.pgPid) - pgBefore : null;
  const rps = counts.reduce((total, c) => total + c.rps, 0);
  const requests = counts.reduce((total, c) => total + c.requests, 0);
  return {
    rps,
    requests,
    appCpuMsPerRequest: cpuMsPerRequest(appSpent, requests),
    pgCpuMsPerRequest: pgSpent === null ? null : cpuMsPerRequest(pgSpent, requests),
  };
}

/** Committed transactions (after PostgreSQL's 10-s stats flush interval, so the count is exact). */
async function commits(sql: postgres.Sql): Promise<number> {
  await new Promise((r) => setTimeout(r, 11_000));
  const [row] = await sql`select xact_commit::bigint as n from pg_stat_database where datname = current_database()`;
  return Number(row?.n ?? 0);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function signIn(port: number, email: string, password: string): Promise<{ token: string; cookie: string }> {
  const answer = await fetch(`http://localhost:${port}/api/security/login?include_auth_token`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": "10.9.9.9" },
    body: JSON.stringify({ email, password }),
  });
  const body = (await answer.json()) as { response: { user?: { authentication_token?: string } } };
  const token = body.response.user?.authentication_token;
  const cookie = answer.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.includes("session"));
  if (!token || !cookie) throw new Error(`sign-in failed: ${answer.status} ${JSON.stringify(body)}`);
  return { token, cookie };
}

async function measure(servers: Servers, credentials: { token: string; cookie: string }, sql: postgres.Sql): Promise<Record<string, unknown>> {
  const kinds = [
    { key: "floor", path: "/api/health", header: null },
    // The floor plus the one round trip /api/me must make (app/api/security/bench-floor-round-trip).
    { key: "roundTripFloor", path: "/api/security/bench-floor-round-trip", header: null },
    { key: "token", path: "/api/me", header: `Authentication-Token: ${credentials.token}` },
    { key: "session", path: "/api/me", header: `Cookie: ${credentials.cookie}` },
  ] as const;
  type Kind = (typeof kinds)[number]["key"];
  for (const k of kinds) await window(servers, k.path, k.header, 2); // warm-up
  const windows = Object.fromEntries(kinds.map((k) => [k.key, [] as Window[]])) as Record<Kind, Window[]>;
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < kinds.length; i++) {
      const k = kinds[(i + round) % kinds.length]!;
      windows[k.key].push(await window(servers, k.path, k.header, WINDOW_SECONDS));
    }
  }
  const roundTrips: Partial<Record<Kind, number>> = {};
  for (const k of kinds.slice(1)) {
    const before = await commits(sql);
    const counted = await window(servers, k.path, k.header, WINDOW_SECONDS);
    roundTrips[k.key] = ((await commits(sql)) - before - 1) / counted.requests;
  }
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  const totalRps = (key: Kind) => sum(windows[key].map((w) => w.rps));
  /** a's requests/s over b's, over all rounds, and the median of the rounds' own ratios. */
  const over = (a: Kind, b: Kind) => ({
    totals: totalRps(a) / totalRps(b),
    perRoundMedian: median(windows[a].map((w, i) => w.rps / windows[b][i]!.rps)),
  });
  const byKind = Object.fromEntries(
    kinds.map(({ key }) => [
      key,
      {
        rps: totalRps(key) / ROUNDS,
        appCpuMsPerRequest: median(windows[key].map((w) => w.appCpuMsPerRequest)),
        pgCpuMsPerRequest: servers.pgPid ? median(windows[key].map((w) => w.pgCpuMsPerRequest!)) : null,
        dbRoundTripsPerRequest: roundTrips[key] ?? 0,
      },
    ]),
  );
  return {
    processes: servers.ports.length,
    rounds: ROUNDS,
    windowSeconds: WINDOW_SECONDS,
    byKind,
    tokenOverFloor: over("token", "floor"),
    sessionOverFloor: over("session", "floor"),
    tokenOverSession: over("token", "session"),
    roundTripFloorOverFloor: over("roundTripFloor", "floor"),
    tokenOverRoundTripFloor: over("token", "roundTripFloor"),
    sessionOverRoundTripFloor: over("session", "roundTripFloor"),
  };
}

async function main(): Promise<void> {
  const sql = postgres(DATABASE_URL!, { max: 1, onnotice: () => {} });
  if (process.env.BENCH_THROWAWAY_DATABASE === "1") {
    // Autovacuum's own transactions would count as the app's round trips.
    await sql.unsafe("alter system set autovacuum = off");
    await sql.unsafe("select pg_reload_conf()");
  }
  for (const port of [PORT, PORT + 1]) await assertPortFree(port);
  const first = startServer(serverEnv(PORT), PORT);
  await waitFor200(`http://localhost:${PORT}`, "/api/ready");
  const email = `bench-api-${Date.now()}@example.com`;
  const password = "bench passphrase that is long";
  const { createUser } = await import("../lib/security/accounts/users");
  await createUser({ email, password, confirmed: true });
  const credentials = await signIn(PORT, email, password);
  const results: Record<string, unknown> = { at: new Date().toISOString(), connections: CONNECTIONS };
  const pgPid = await postmasterPid(sql);
  results.oneProcess = await measure({ ports: [PORT], appPids: [first.pid!], pgPid }, credentials, sql);
  const second = startServer(serverEnv(PORT + 1), PORT + 1);
  await waitFor200(`http://localhost:${PORT + 1}`, "/api/ready");
  results.twoProcesses = await measure({ ports: [PORT, PORT + 1], appPids: [first.pid!, second.pid!], pgPid }, credentials, sql);
  await Promise.all([stopServer(first), stopServer(second)]);
  await sql.end();
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/api-me.json", JSON.stringify(results, null, 2) + "\n");
  console.log(JSON.stringify(results, null, 2));
  process.exit(0);
}

main().catch(failRun);
