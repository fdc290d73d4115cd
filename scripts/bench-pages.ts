/**
 * The pages users load, next to the framework's floor, in one run (`npm run bench`, issue 19,
 * decision 068): signed-in /account, anonymous /login, GET /api/me, and the
 * bench-only control routes (app/bench/floor: built only with GATEHOUSE_BENCH_ROUTES=1) — a
 * dynamic page that reads the request's headers and renders the overview's markup with no session
 * and no database, the same page with /account's two round trips (decision 075), the markup
 * prerendered, and a route handler that does nothing.
 *
 * Load comes from wrk (C, one thread: it takes far less of the machine's two cores than a Node
 * client would), in short windows in rotating order over several rounds, so a busy moment of the
 * shared machine lands on every route; each figure is the median of the rounds with its min–max.
 * CPU per request is read from /proc/<pid>/stat (utime + stime of the process tree) of the app and
 * of PostgreSQL (the postmaster and its backends) around each window.
 */
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import type postgres from "postgres";

const run = promisify(execFile);
/** Linux's USER_HZ: /proc's CPU times are in these ticks (getconf CLK_TCK; 100 everywhere but odd kernels). */
const TICKS_PER_SECOND = 100;

export interface Route {
  key: string;
  path: string;
  signedIn: boolean;
}

export const PAGE_ROUTES: Route[] = [
  { key: "account", path: "/account", signedIn: true },
  { key: "login", path: "/login", signedIn: false },
  { key: "apiMe", path: "/api/me", signedIn: true },
  { key: "floorDynamic", path: "/bench/floor/dynamic", signedIn: false },
  { key: "floorDynamicRoundTrips", path: "/bench/floor/dynamic-round-trips", signedIn: false },
  { key: "floorStatic", path: "/bench/floor/static", signedIn: false },
  { key: "floorHandler", path: "/bench/floor/handler", signedIn: false },
];

export interface Window {
  rps: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  appCpuMsPerRequest: number;
  pgCpuMsPerRequest: number | null;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** Over the windows that served anything (on a saturated shared machine a 3-second window can serve none). */
export const spread = (all: number[]): Spread => {
  const xs = all.filter(Number.isFinite);
  return xs.length ? { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) } : { median: NaN, min: NaN, max: NaN };
};

/** utime + stime, in ticks, of `root` and every process below it (cluster workers, PostgreSQL backends). */
export function treeTicks(root: number): number {
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // Fields after the command (which may hold spaces) start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parent.set(Number(name), Number(fields[1]));
      ticks.set(Number(name), Number(fields[11]) + Number(fields[12]));
    } catch {
      // ended while reading
    }
  }
  let total = 0;
  for (const [pid, t] of ticks) {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = parent.get(p)) {
      if (p === root) {
        total += t;
        break;
      }
    }
  }
  return total;
}

/** The postmaster's pid (first line of postmaster.pid in the data folder), or null when it cannot be read. */
export async function postmasterPid(sql: postgres.Sql): Promise<number | null> {
  try {
    const [row] = await sql<{ setting: string }[]>`select setting from pg_settings where name = 'data_directory'`;
    return Number(readFileSync(`${row!.setting}/postmaster.pid`, "utf8").split("\n")[0]);
  } catch {
    return null;
  }
}

/** One wrk window: requests/s, p50/p99 and the app's and PostgreSQL's CPU per request. */
export async function wrkWindow(
  url: string,
  headers: Record<string, string>,
  seconds: number,
  concurrency: number,
  pids: { app: number; pg: number | null },
): Promise<Window> {
  const args = ["-t1", `-c${concurrency}`, `-d${seconds}s`, "--latency", ...Object.entries(headers).flatMap(([k, v]) => ["-H", `${k}: ${v}`]), url];
  const appBefore = treeTicks(pids.app);
  const pgBefore = pids.pg ? treeTicks(pids.pg) : 0;
  const { stdout } = await run("wrk", args, { maxBuffer: 1 << 20 });
  const appTicks = treeTicks(pids.app) - appBefore;
  const pgTicks = pids.pg ? treeTicks(pids.pg) - pgBefore : 0;
  const { rps, requests } = wrkCounts(url, stdout);
  return {
    rps,
    requests,
    p50Ms: wrkMs(stdout, "50%"),
    p99Ms: wrkMs(stdout, "99%"),
    appCpuMsPerRequest: cpuMsPerRequest(appTicks, requests),
    pgCpuMsPerRequest: pids.pg ? cpuMsPerRequest(pgTicks, requests) : null,
  };
}

/** wrk's requests/s and request count; a window with any answer other than 2xx/3xx is a failed run. */
export function wrkCounts(url: string, stdout: string): { rps: number; requests: number } {
  if (/Non-2xx or 3xx responses/.test(stdout)) throw new Error(`${url}: responses other than 2xx/3xx:\n${stdout}`);
  return { rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]), requests: Number(/(\d+) requests in/.exec(stdout)?.[1]) };
}

/** CPU ticks from /proc spent over a window, as milliseconds per request it served. */
export function cpuMsPerRequest(ticks: number, requests: number): number {
  return (ticks * 1000) / TICKS_PER_SECOND / requests;
}

function wrkMs(out: string, percentile: string): number {
  const m = new RegExp(`${percentile}\\s+([\\d.]+)(us|ms|s)`).exec(out);
  if (!m) return NaN;
  const scale = { us: 0.001, ms: 1, s: 1000 }[m[2] as "us" | "ms" | "s"];
  return Number(m[1]) * scale;
}

const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 8);

/** A route's windows on one server: each figure's median and spread, and the CPU of each round. */
export interface PageWindows {
  cpuPerRound: number[];
  rps: Spread;
  p50Ms: Spread;
  p99Ms: Spread;
  appCpuMsPerRequest: Spread;
  pgCpuMsPerRequest?: Spread;
}

export interface Target {
  key: string;
  base: string;
  pids: { app: number; pg: number | null };
}

/**
 * Rotating windows of `routes` on each of `targets` (one app server each), ROUNDS times: every
 * (target, route) pair is loaded once per round, the order shifted by one each round.
 */
export async function alternatingWindows(
  targets: Target[],
  routes: Route[],
  cookie: string,
  options: { rounds: number; windowSeconds: number; concurrency: number },
): Promise<Record<string, PageWindows>> {
  const pairs = targets.flatMap((t) => routes.map((r) => ({ t, r, key: `${t.key}.${r.key}` })));
  const headersOf = (r: Route): Record<string, string> => (r.signedIn ? { cookie } : {});
  // Warm-up to a steady state: V8 compiles a route's code over its first thousands of requests, and a
  // page with more code takes longer. With 2 s each, /account's first rounds still ran colder code
  // than the floor's (its CPU per request fell by a third between the first and the last rounds).
  for (const p of pairs) await wrkWindow(`${p.t.base}${p.r.path}`, headersOf(p.r), WARMUP_SECONDS, options.concurrency, p.t.pids);
  const windows = new Map(pairs.map((p) => [p.key, [] as Window[]]));
  for (let round = 0; round < options.rounds; round++) {
    for (let i = 0; i < pairs.length; i++) {
      const p = pairs[(i + round) % pairs.length]!;
      windows.get(p.key)!.push(await wrkWindow(`${p.t.base}${p.r.path}`, headersOf(p.r), options.windowSeconds, options.concurrency, p.t.pids));
    }
  }
  return Object.fromEntries(
    pairs.map((p) => {
      const ws = windows.get(p.key)!;
      const field = (f: keyof Window) => spread(ws.map((w) => Number(w[f])));
      return [
        p.key,
        {
          cpuPerRound: ws.map((w) => w.appCpuMsPerRequest),
          rps: field("rps"),
          p50Ms: field("p50Ms"),
          p99Ms: field("p99Ms"),
          appCpuMsPerRequest: field("appCpuMsPerRequest"),
          ...(p.t.pids.pg ? { pgCpuMsPerRequest: field("pgCpuMsPerRequest") } : {}),
        },
      ];
    }),
  );
}

/**
 * CPU per request of a over b, round by round (windows of the same round see the same machine), as
 * the median of the rounds' ratios with their spread.
 */
export function cpuRatio(results: Record<string, PageWindows>, a: string, b: string): Spread {
  const x = results[a]!.cpuPerRound;
  const y = results[b]!.cpuPerRound;
  return spread(x.map((v, i) => v / y[i]!));
}

/** Requests/s of a over b: the ratio of the rounds' medians, with the ratio of the extremes as its spread. */
export function ratio(results: Record<string, PageWindows>, a: string, b: string): Spread {
  // Only medians survive aggregation; a ratio of medians, reported with the ratio of the extremes.
  const x = results[a]!.rps!;
  const y = results[b]!.rps!;
  return { median: x.median / y.median, min: x.min / y.max, max: x.max / y.min };
}

interface Fetched {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(url: string, headers: Record<string, string>): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

/**
 * Response bytes of each route (the document: HTML with its inline RSC payload), raw and gzipped, its
 * Cache-Control, and its x-nextjs-cache (HIT: served from the prerendered cache, decision 067).
 */
export async function responseBytes(
  base: string,
  routes: Route[],
  cookie: string,
): Promise<Record<string, { status: number; rawBytes: number; gzipBytes: number; cacheControl: string | null; prerendered: string | null }>> {
  const out: Record<string, { status: number; rawBytes: number; gzipBytes: number; cacheControl: string | null; prerendered: string | null }> = {};
  for (const r of routes) {
    const res = await get(`${base}${r.path}`, r.signedIn ? { cookie } : {});
    out[r.key] = {
      status: res.status,
      rawBytes: res.body.length,
      gzipBytes: gzipSync(res.body).length,
      cacheControl: res.headers["cache-control"] ?? null,
      prerendered: (res.headers["x-nextjs-cache"] as string | undefined) ?? null,
    };
  }
  return out;
}

/**
 * Database round trips per request of each route: committed transactions (each statement the
 * app sends outside a transaction is one) over `n` sequential requests. A backend reports its
 * counters when idle, at most once a second, else after PostgreSQL's 10-second interval: each
 * read waits 11 s first. The read itself is one transaction, subtracted.
 */
export async function roundTrips(base: string, routes: Route[], cookie: string, sql: postgres.Sql, n = 100): Promise<Record<string, number>> {
  const commits = async (): Promise<number> => {
    await new Promise((r) => setTimeout(r, 11_000));
    const [row] = await sql`select xact_commit::bigint as n from pg_stat_database where datname = current_database()`;
    return Number(row?.n ?? 0);
  };
  const out: Record<string, number> = {};
  let before = await commits();
  for (const r of routes) {
    for (let i = 0; i < n; i++) {
      const res = await get(`${base}${r.path}`, r.signedIn ? { cookie } : {});
      if (res.status !== 200) throw new Error(`${r.path} answered ${res.status}`);
    }
    const after = await commits();
    out[r.key] = (after - before - 1) / n;
    before = after;
  }
  return out;
}
