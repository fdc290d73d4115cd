/**
 * The app servers a bench run starts, for scripts/bench.ts and scripts/bench-api.ts: the settings
 * they run with, a port check, start, readiness and stop. Each server is `server/start.mjs` (what
 * `npm start` runs) in its own process group, with its JSON request log sent to /dev/null.
 */
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

/** The production settings every bench server shares; APP_URL and the rest are per server. */
export function benchServerEnv(port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    APP_URL: `http://localhost:${port}`,
    AUTH_SECRET: "bench-secret-bench-secret-bench-secret-1234",
    MAIL_TRANSPORT: "outbox",
    // A production build on http://localhost; the cold-start run uses a PGlite folder.
    SECURITY_ALLOW_INSECURE_APP_URL: "true",
    SECURITY_ALLOW_PGLITE_IN_PRODUCTION: "true",
    // Each sign-in sends its own X-Forwarded-For so the per-IP budget never answers.
    TRUST_PROXY: "1",
    NEXT_TELEMETRY_DISABLED: "1",
    // The build with the control routes (/bench/floor/…), in .next-bench (next.config.mjs).
    GATEHOUSE_BENCH_ROUTES: "1",
    // One server process unless a measurement asks for more (server/start.mjs defaults to one per core).
    SERVER_PROCESSES: "1",
    ...extra,
  };
}

/** Every server this run started: a run that fails stops them too (they are detached process groups). */
const startedServers: ChildProcess[] = [];

/**
 * A server left over from an earlier run that failed would answer in the new one's place (and
 * against its dead database): the port must be free before a server is started on it.
 */
export async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () => reject(new Error(`port ${port} is in use (a server from an earlier bench run?): stop it first`)));
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

export function startServer(env: NodeJS.ProcessEnv, port: number): ChildProcess {
  const server = spawn(process.execPath, ["server/start.mjs", "-p", String(port)], { env, stdio: ["ignore", "ignore", "inherit"], detached: true });
  startedServers.push(server);
  return server;
}

/** Milliseconds until `base + path` first answers 200 (polled every 25 ms). */
export async function waitFor200(base: string, path: string, timeoutMs = 60_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    const ok = await fetch(`${base}${path}`).then(
      async (r) => {
        await r.arrayBuffer();
        return r.status === 200;
      },
      () => false, // not listening yet
    );
    if (ok) return performance.now() - started;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no 200 from ${base}${path} within ${timeoutMs} ms`);
}

export function stopServer(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) return resolve();
    server.once("exit", () => resolve());
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  });
}

/** For a run that failed: every server still running is sent SIGTERM, and the process exits 1. */
export function failRun(error: unknown): never {
  console.error(error);
  for (const server of startedServers) {
    try {
      if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  process.exit(1);
}
