/**
 * One production server process (`npm start` runs one per core through server/start.mjs):
 * Next.js's request handler behind a plain Node HTTP server that tells the app the socket address
 * (docs/decisions/013-production-footguns.md).
 *
 * Next.js only copies the socket address into X-Forwarded-For when the client sent none, so
 * behind no proxy a client could pick its own address for the rate limits. Here every request
 * carries `x-gatehouse-peer: <token> <socket address>`, overwriting any copy the client sent; the
 * token is random per process and only in this process's environment, so the app believes the
 * header only when this entry started it (lib/security/core/request-context.ts).
 *
 *   node server/start.mjs [-p 3000] [-H 0.0.0.0]      (PORT also sets the port)
 *
 * SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish for up to
 * SHUTDOWN_TIMEOUT_MS (default 8000, inside Docker's 10 s), then close the database pool and exit.
 *
 * Operations (docs/decisions/014-operations.md): one JSON log line per request (pino: method,
 * route, status, duration, request id from X-Request-Id or made here and returned, the user id
 * the app names); request counts and latency by route for /api/metrics; and a 503 with
 * Retry-After instead of Next's 500 when the request failed because the database is unreachable.
 *
 * The standalone build (`npm run build`, scripts/standalone.mjs) runs this same file as its
 * `server.js`, with the configuration Next recorded at build time.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import cluster from "node:cluster";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import net from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import pino from "pino";
import client from "prom-client";
import { routeLabeller } from "./route-label.mjs";
import { unavailableResponse } from "./unavailable.mjs";

// Shared with lib/security/core/request-context.ts (PEER_HEADER, PEER_TOKEN_ENV), lib/startup.ts and
// lib/observability (request store, logger, metrics registry).
const PEER_HEADER = "x-gatehouse-peer";
const PEER_TOKEN_ENV = "GATEHOUSE_PEER_TOKEN";
const SHUTDOWN_HOOK = Symbol.for("gatehouse.shutdown");
const REQUEST_STORE = Symbol.for("gatehouse.requestStore");
const LOGGER = Symbol.for("gatehouse.logger");
const METRICS = Symbol.for("gatehouse.metrics");
const CLUSTER_METRICS = Symbol.for("gatehouse.clusterMetrics");
/** A caller's request id is kept when it looks like one (a proxy's or a client's trace id). */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname;
const shutdownMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 8000);
if (!Number.isInteger(port) || port < 0 || port > 65535) fatal(`not a port: ${values.port ?? process.env.PORT}`);
if (!Number.isFinite(shutdownMs) || shutdownMs < 0) fatal(`SHUTDOWN_TIMEOUT_MS is not a number of milliseconds: ${process.env.SHUTDOWN_TIMEOUT_MS}`);

function fatal(message) {
  console.error(`[gatehouse] ${message}`);
  process.exit(1);
}

// Before Next loads: the app reads both when it starts (instrumentation) and per request.
process.env.NODE_ENV ||= "production";
const token = randomBytes(32).toString("base64url");
process.env[PEER_TOKEN_ENV] = token;

const requestStore = new AsyncLocalStorage();
globalThis[REQUEST_STORE] = requestStore;
// The app's lib/observability/logger.ts uses this same logger (same format, one stream).
// Asynchronous (pino's sonic-boom with sync: false): a line is handed to a write(2) that does not
// block the request, and lines logged while one is in flight go out together in the next — no
// waiting for a buffer to fill, so a quiet server's lines appear at once. Flushed on every exit;
// a crash can lose the lines of the one write in flight. LOG_SYNC=1 writes each line synchronously.
const destination = pino.destination({ dest: 1, sync: process.env.LOG_SYNC === "1" });
const log = pino({ level: process.env.LOG_LEVEL ?? "info", base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
process.on("exit", () => {
  try {
    destination.flushSync();
  } catch {
    // nothing buffered, or stdout closed
  }
});
globalThis[LOGGER] = log;
globalThis[METRICS] = client.register;
if (cluster.isWorker) answerForTheCluster();
const requests = new client.Counter({
  name: "gatehouse_http_requests_total",
  help: "HTTP requests by method, route and status",
  labelNames: ["method", "route", "status"],
});
const latency = new client.Histogram({
  name: "gatehouse_http_request_duration_seconds",
  help: "Time to the end of the response, by method and route",
  labelNames: ["method", "route"],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
});
/**
 * Under the supervisor (server/start.mjs) a scrape of /api/metrics reaches one worker: it asks the
 * supervisor, which collects every worker's registry (prom-client's AggregatorRegistry, over the
 * cluster's IPC channel) and answers with the sum (lib/observability/metrics-access.ts).
 */
function answerForTheCluster() {
  new client.AggregatorRegistry(); // makes this worker answer the supervisor's collection requests
  const waiting = new Map();
  let next = 0;
  process.on("message", (message) => {
    const pending = message?.type === "gatehouse:metrics" ? waiting.get(message.id) : undefined;
    if (!pending) return;
    waiting.delete(message.id);
    if (message.error) pending.reject(new Error(message.error));
    else pending.resolve(message.text);
  });
  globalThis[CLUSTER_METRICS] = () =>
    new Promise((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      process.send({ type: "gatehouse:metrics-request", id });
      setTimeout(() => {
        if (waiting.delete(id)) reject(new Error("the supervisor did not answer the metrics request"));
      }, 5000).unref();
    });
}
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
// prom-client's labels() hashes its arguments on every call; the label sets are bounded (methods ×
// routes × statuses), so each series' child is looked up once and kept.
const counters = new Map();
const histograms = new Map();
const requestCounter = (method, route, status) => {
  const key = `${method} ${route} ${status}`;
  let child = counters.get(key);
  if (!child) counters.set(key, (child = requests.labels(method, route, String(status))));
  return child;
};
const latencyHistogram = (method, route) => {
  const key = `${method} ${route}`;
  let child = histograms.get(key);
  if (!child) histograms.set(key, (child = latency.labels(method, route)));
  return child;
};

// The configuration the build was made with, as Next recorded it in required-server-files.json
// and as its own standalone server hands it over: the standalone folder has no next.config.mjs,
// and in the repository it spares `npm start` Next's warning that `next start` does not work with
// `output: "standalone"` (this is not `next start`). Without a build Next reports the missing build.
const dir = process.cwd();
// The bench's build with its control routes has a folder of its own (next.config.mjs).
const buildDir = process.env.GATEHOUSE_BENCH_ROUTES === "1" ? ".next-bench" : ".next";
const recorded = path.join(dir, buildDir, "required-server-files.json");
let conf;
if (existsSync(recorded)) {
  conf = JSON.parse(readFileSync(recorded, "utf8")).config;
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(conf);
}

const { default: next } = await import("next");
const app = next({ dev: false, dir, hostname: hostname ?? "localhost", port, ...(conf ? { conf } : {}) });
await app.prepare();
const handle = app.getRequestHandler();
const routeOf = routeLabeller(dir, buildDir);

let stopping = false;
const server = createServer((req, res) => {
  const started = process.hrtime.bigint();
  const given = req.headers["x-request-id"];
  const requestId = typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
  const store = { requestId };
  req.headers[PEER_HEADER] = `${token} ${req.socket.remoteAddress ?? ""}`;
  req.headers["x-request-id"] = requestId;
  res.setHeader("x-request-id", requestId);
  if (stopping) res.setHeader("connection", "close");
  answerUnavailableInsteadOf500(req, res, store);
  res.once("close", () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const method = METHODS.has(req.method) ? req.method : "OTHER";
    const route = routeOf(req.url);
    requestCounter(method, route, res.statusCode).inc();
    latencyHistogram(method, route).observe(seconds);
    // The route, never the path or query: those can carry link tokens.
    log.info({
      msg: "request",
      method,
      route,
      status: res.statusCode,
      durationMs: Math.round(seconds * 10_000) / 10,
      requestId,
      ...(store.userId ? { userId: store.userId } : {}),
      ...(res.writableFinished ? {} : { aborted: true }),
    });
  });
  requestStore.run(store, () =>
    handle(req, res).catch((error) => {
      log.error({ msg: "request handler failed", requestId, err: { name: error?.name, message: error?.message } });
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    }),
  );
});

/**
 * When the app found the database unreachable during this request (lib/observability, via
 * instrumentation's onRequestError) and Next is about to send its 500, send the 503 instead.
 * Next sets the status before the first byte, so the first writeHead/write/end decides.
 */
function answerUnavailableInsteadOf500(req, res, store) {
  const { writeHead, write, end } = res;
  let replaced = false;
  const decide = () => {
    if (replaced) return true;
    if (res.headersSent || res.statusCode < 500 || !store.databaseUnavailable) return false;
    replaced = true;
    const [status, headers, body] = unavailableResponse(req, store.requestId);
    for (const name of res.getHeaderNames()) if (name !== "x-request-id" && name !== "connection") res.removeHeader(name);
    writeHead.call(res, status, headers);
    end.call(res, body);
    return true;
  };
  res.writeHead = function (...args) {
    if (typeof args[0] === "number") res.statusCode = args[0];
    return decide() ? res : writeHead.apply(res, args);
  };
  res.write = function (...args) {
    return decide() ? true : write.apply(res, args);
  };
  res.end = function (...args) {
    return decide() ? res : end.apply(res, args);
  };
}

server.listen(port, hostname, () => {
  console.log(`[gatehouse] listening on http://${hostname ?? "localhost"}:${port}`);
});

function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`[gatehouse] ${signal}: no new connections; finishing requests in flight (up to ${shutdownMs} ms)`);
  const cut = setTimeout(() => server.closeAllConnections(), shutdownMs);
  // Whatever hangs after the cut (a stuck pool), the process still ends.
  setTimeout(() => process.exit(1), shutdownMs + 5000).unref();
  // net.Server's close: stop accepting, but unlike http.Server's do not drop idle connections at
  // once — a connection whose request is not parsed yet (a busy event loop) counts as idle. Idle
  // keep-alive connections end at their keep-alive timeout; every response now says close.
  net.Server.prototype.close.call(server, async () => {
    clearTimeout(cut);
    await app.close().catch((error) => console.error(error));
    const closeDb = globalThis[SHUTDOWN_HOOK];
    if (typeof closeDb === "function") await closeDb().catch((error) => console.error(error));
    log.info({ msg: "stopped", signal, detail: "requests finished, database pool closed" });
    process.exit(0);
  });
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
