/**
 * The production server entry (`npm start`, and the standalone build's `server.js`): one server
 * process (server/serve.mjs) per core, so a machine's cores all serve (docs/decisions/069-one-process-per-core.md).
 *
 *   node server/start.mjs [-p 3000] [-H 0.0.0.0]
 *
 * SERVER_PROCESSES (or WEB_CONCURRENCY, the name Heroku-style hosts set) is the number of server
 * processes; unset, it is the number of cores this process may run on (os.availableParallelism();
 * a container limited by a CPU quota rather than a CPU set should set it) with PostgreSQL, and 1
 * with PGlite, which only one process may open. With 1 this process is the server itself (no supervisor).
 *
 * With more, this process is a supervisor (node:cluster): the workers share the listening socket
 * (the kernel hands each connection to one of them in turn), nothing else — every piece of state
 * is in PostgreSQL (DESIGN.md principle 2), so any worker can serve any request of a flow. A
 * worker that dies is replaced; one that keeps dying at start is replaced after a growing pause, so
 * a broken deployment does not spin. SIGTERM/SIGINT go to every worker, which finishes its
 * requests in flight (SHUTDOWN_TIMEOUT_MS) and exits; the supervisor exits when they all have.
 * /api/metrics answers for all workers: the one asked gets the sum from here (server/serve.mjs).
 */
import cluster from "node:cluster";
import { availableParallelism } from "node:os";

const processes = serverProcesses();

if (processes === 1 || !cluster.isPrimary) {
  await import("./serve.mjs");
} else {
  await supervise(processes);
}

function serverProcesses() {
  const given = process.env.SERVER_PROCESSES || process.env.WEB_CONCURRENCY;
  const pglite = !process.env.DATABASE_URL;
  if (!given) return pglite ? 1 : availableParallelism();
  const n = Number(given);
  if (!Number.isInteger(n) || n < 1 || n > 256) fatal(`SERVER_PROCESSES is not a number of processes (1–256): ${given}`);
  if (n > 1 && pglite) fatal("SERVER_PROCESSES > 1 needs PostgreSQL (DATABASE_URL): only one process may open a PGlite folder");
  return n;
}

function fatal(message) {
  console.error(`[gatehouse] ${message}`);
  process.exit(1);
}

/** A worker that exits sooner than this after it started counts as a failed start. */
const HEALTHY_AFTER_MS = 10_000;
const MAX_RESTART_PAUSE_MS = 30_000;

async function supervise(count) {
  // /api/metrics for the whole cluster: a worker asks, this process collects from every worker.
  const { default: client } = await import("prom-client");
  const aggregator = new client.AggregatorRegistry();
  cluster.on("message", (worker, message) => {
    if (message?.type !== "gatehouse:metrics-request") return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: "gatehouse:metrics", id: message.id, text }),
      (error) => worker.send({ type: "gatehouse:metrics", id: message.id, error: String(error?.message ?? error) }),
    );
  });
  const shutdownMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 8000);
  let stopping = false;
  let failedStarts = 0;
  const startedAt = new Map();

  const fork = () => {
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
  };

  cluster.on("exit", (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    failedStarts = lived < HEALTHY_AFTER_MS ? failedStarts + 1 : 0;
    const pause = failedStarts === 0 ? 0 : Math.min(250 * 2 ** failedStarts, MAX_RESTART_PAUSE_MS);
    console.error(`[gatehouse] server process ${worker.process.pid} ended (${signal ?? `exit ${code}`}); starting another${pause ? ` in ${pause} ms` : ""}`);
    setTimeout(() => {
      if (!stopping) fork();
    }, pause);
  });

  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`[gatehouse] ${signal}: stopping ${Object.keys(cluster.workers ?? {}).length} server processes`);
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    // Each worker cuts its own connections after SHUTDOWN_TIMEOUT_MS and exits 5 s later at most.
    setTimeout(() => process.exit(1), shutdownMs + 6000).unref();
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  console.log(`[gatehouse] starting ${count} server processes (SERVER_PROCESSES)`);
  for (let i = 0; i < count; i++) fork();
}
