/**
 * `npm run bench` part 2 (after scripts/bench.ts, same throwaway PostgreSQL and build): GET /api/me
 * with an auth token and with a session cookie against the framework's floor — GET /api/health, a
 * bare route handler in the same build (no auth, no database, skipped by the proxy like /api/me) —
 * in rotating windows, with one and with two `node server/start.mjs` processes. Load from wrk
 * (C, one thread: the load generator takes less of the two cores than a Node loop would).
 * Reports absolute requests/s, the ratio to the floor, and database round trips per request.
 * Writes bench-results/api-me.json.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";
import postgres from "postgres";

const run = promisify(execFile);
const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) throw new Error("bench-api needs DATABASE_URL (scripts/bench.sh provides one)");
const PORT = Number(process.env.BENCH_API_PORT ?? 3310);
const CONNECTIONS = Number(process.env.BENCH_CONCURRENCY ?? 32);
const WINDOW_SECONDS = Number(process.env.BENCH_WINDOW_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);

function serverEnv(port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    APP_URL: `http://localhost:${port}`,
    AUTH_SECRET: "bench-secret-bench-secret-bench-secret-1234",
    MAIL_TRANSPORT: "outbox",
    SECURITY_ALLOW_INSECURE_APP_URL: "true",
    TRUST_PROXY: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    // The token lives the whole run (15 minutes by default could end mid-bench).
    SECURITY_TOKEN_MAX_AGE: "1d",
  };
}

function startServer(port: number): ChildProcess {
  return spawn(process.execPath, ["server/start.mjs", "-p", String(port)], { env: serverEnv(port), stdio: ["ignore", "ignore", "inherit"], detached: true });
}

async function ready(port: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`http://localhost:${port}/api/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server on ${port} not ready`);
}

function stopServer(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    server.once("exit", () => resolve());
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  });
}

/** One wrk window per port at once (the connections split between them); total requests/s. */
async function window(ports: number[], path: string, header: string | null, seconds: number): Promise<{ rps: number; requests: number }> {
  const each = Math.max(1, Math.floor(CONNECTIONS / ports.length));
  const outputs = await Promise.all(
    ports.map((port) =>
      run("wrk", ["-t1", `-c${each}`, `-d${seconds}s`, ...(header ? ["-H", header] : []), `http://localhost:${port}${path}`]).then((r) => r.stdout),
    ),
  );
  let rps = 0;
  let requests = 0;
  for (const out of outputs) {
    if (/Non-2xx/.test(out)) throw new Error(`${path} answered non-2xx:\n${out}`);
    rps += Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
    requests += Number(/(\d+) requests in/.exec(out)?.[1] ?? NaN);
  }
  return { rps, requests };
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

async function measure(ports: number[], credentials: { token: string; cookie: string }, sql: postgres.Sql): Promise<Record<string, unknown>> {
  const kinds = [
    { key: "floor", path: "/api/health", header: null },
    { key: "token", path: "/api/me", header: `Authentication-Token: ${credentials.token}` },
    { key: "session", path: "/api/me", header: `Cookie: ${credentials.cookie}` },
  ];
  for (const k of kinds) await window(ports, k.path, k.header, 2); // warm-up
  const rps: Record<string, number[]> = Object.fromEntries(kinds.map((k) => [k.key, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < kinds.length; i++) {
      const k = kinds[(i + round) % kinds.length]!;
      rps[k.key]!.push((await window(ports, k.path, k.header, WINDOW_SECONDS)).rps);
    }
  }
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  const roundTrips: Record<string, number> = {};
  for (const k of kinds.slice(1)) {
    const before = await commits(sql);
    const counted = await window(ports, k.path, k.header, WINDOW_SECONDS);
    roundTrips[k.key] = (((await commits(sql)) - before - 1) / counted.requests) as number;
  }
  const floor = sum(rps.floor!);
  return {
    processes: ports.length,
    rounds: ROUNDS,
    windowSeconds: WINDOW_SECONDS,
    floorRps: floor / ROUNDS,
    tokenRps: sum(rps.token!) / ROUNDS,
    sessionRps: sum(rps.session!) / ROUNDS,
    tokenOverFloor: sum(rps.token!) / floor,
    sessionOverFloor: sum(rps.session!) / floor,
    tokenOverSession: sum(rps.token!) / sum(rps.session!),
    perRoundTokenOverFloor: { median: median(rps.token!.map((r, i) => r / rps.floor![i]!)) },
    perRoundSessionOverFloor: { median: median(rps.session!.map((r, i) => r / rps.floor![i]!)) },
    dbRoundTripsPerRequest: roundTrips,
  };
}

async function main(): Promise<void> {
  const sql = postgres(DATABASE_URL!, { max: 1, onnotice: () => {} });
  if (process.env.BENCH_THROWAWAY_DATABASE === "1") {
    // Autovacuum's own transactions would count as the app's round trips.
    await sql.unsafe("alter system set autovacuum = off");
    await sql.unsafe("select pg_reload_conf()");
  }
  const first = startServer(PORT);
  await ready(PORT);
  const email = `bench-api-${Date.now()}@example.com`;
  const password = "bench passphrase that is long";
  const { createUser } = await import("../lib/security/accounts/users");
  await createUser({ email, password, confirmed: true });
  const credentials = await signIn(PORT, email, password);
  const results: Record<string, unknown> = { at: new Date().toISOString(), connections: CONNECTIONS };
  results.oneProcess = await measure([PORT], credentials, sql);
  const second = startServer(PORT + 1);
  await ready(PORT + 1);
  results.twoProcesses = await measure([PORT, PORT + 1], credentials, sql);
  await Promise.all([stopServer(first), stopServer(second)]);
  await sql.end();
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/api-me.json", JSON.stringify(results, null, 2) + "\n");
  console.log(JSON.stringify(results, null, 2));
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
