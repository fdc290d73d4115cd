/**
 * `npm run bench:server`: what the production server entry costs a request. Several servers on
 * the same build and database run at once — `next start` (no request log, no metrics), the entry
 * (server/start.mjs: a JSON log line and metrics per request), the entry with LOG_LEVEL=silent,
 * and optionally another entry file (BENCH_SERVER_BASELINE=path, e.g. an older server/start.mjs
 * copied next to it) — and are loaded one at a time in rotating windows, several rounds, so a
 * machine shared with other work slows each of them alike. Prints per-variant medians, the spread
 * (min–max of the rounds) and each variant's median ratio to `next start` over the rounds.
 *
 *   bash scripts/bench-server.sh   (a throwaway PostgreSQL, a build, then this)
 */
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";

const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) throw new Error("bench:server needs DATABASE_URL (scripts/bench-server.sh provides one)");
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const WINDOW_SECONDS = Number(process.env.BENCH_WINDOW_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 8);
const PATHS = (process.env.BENCH_SERVER_PATHS ?? "/,/api/health").split(",");
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY * 4 });

interface Variant {
  name: string;
  args: string[];
  env?: Record<string, string>;
}

const variants: Variant[] = [
  { name: "next start", args: ["node_modules/next/dist/bin/next", "start", "-p"] },
  { name: "entry", args: ["server/start.mjs", "-p"] },
  { name: "entry, LOG_LEVEL=silent", args: ["server/start.mjs", "-p"], env: { LOG_LEVEL: "silent" } },
  ...(process.env.BENCH_SERVER_BASELINE ? [{ name: `baseline ${process.env.BENCH_SERVER_BASELINE}`, args: [process.env.BENCH_SERVER_BASELINE, "-p"] }] : []),
];

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  AUTH_SECRET: "bench-secret-bench-secret-bench-secret-1234",
  MAIL_TRANSPORT: "outbox",
  SECURITY_ALLOW_INSECURE_APP_URL: "true",
  NEXT_TELEMETRY_DISABLED: "1",
};

function get(base: string, path: string, retried = false): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { agent }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    // A keep-alive connection that sat idle while the other servers were loaded may have been
    // closed by its server (keepAliveTimeout) just as it is reused: once, on a new connection.
    req.on("error", (error: NodeJS.ErrnoException) => (!retried && error.code === "ECONNRESET" ? get(base, path, true).then(resolve, reject) : reject(error)));
    req.end();
  });
}

async function load(base: string, path: string, seconds: number): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let requests = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const status = await get(base, path);
        if (status !== 200) throw new Error(`${base}${path} answered ${status}`);
        requests++;
      }
    }),
  );
  return requests / seconds;
}

async function waitFor200(base: string): Promise<void> {
  for (let i = 0; i < 2400; i++) {
    try {
      if ((await get(base, "/api/ready")) === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${base} never became ready`);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main(): Promise<void> {
  const servers: { variant: Variant; base: string; child: ChildProcess }[] = [];
  for (const [i, variant] of variants.entries()) {
    const port = PORT + i;
    const child = spawn(process.execPath, [...variant.args, String(port)], {
      env: { ...env, ...variant.env, APP_URL: `http://localhost:${port}` },
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    });
    servers.push({ variant, base: `http://localhost:${port}`, child });
    // One at a time: migrations on first start, and no start-up competes with another.
    await waitFor200(`http://localhost:${port}`);
  }
  const rps = new Map<string, number[]>(servers.flatMap((s) => PATHS.map((p) => [`${s.variant.name} ${p}`, []] as [string, number[]])));
  try {
    for (const s of servers) for (const path of PATHS) await load(s.base, path, 2); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      // Each round starts with the next variant, so none is always first after a pause.
      const order = servers.map((_, i) => servers[(i + round) % servers.length]!);
      for (const path of PATHS) for (const s of order) rps.get(`${s.variant.name} ${path}`)!.push(await load(s.base, path, WINDOW_SECONDS));
    }
  } finally {
    for (const s of servers) if (s.child.pid) process.kill(-s.child.pid, "SIGTERM");
  }
  const out: Record<string, unknown> = { at: new Date().toISOString(), concurrency: CONCURRENCY, windowSeconds: WINDOW_SECONDS, rounds: ROUNDS };
  for (const path of PATHS) {
    const base = rps.get(`next start ${path}`)!;
    out[path] = Object.fromEntries(
      servers.map((s) => {
        const xs = rps.get(`${s.variant.name} ${path}`)!;
        return [
          s.variant.name,
          {
            medianRps: Number(median(xs).toFixed(1)),
            minRps: Number(Math.min(...xs).toFixed(1)),
            maxRps: Number(Math.max(...xs).toFixed(1)),
            // Per round, this variant over `next start` in the same round: the ratio the interleaving protects.
            medianRatioToNextStart: Number(median(xs.map((x, i) => x / base[i]!)).toFixed(3)),
          },
        ];
      }),
    );
  }
  console.log(JSON.stringify(out, null, 2));
  agent.destroy();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
