/**
 * The production server (`npm start`): Next.js's request handler behind a plain Node HTTP server
 * that tells the app the socket address (docs/decisions/013-production-footguns.md).
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
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import net from "node:net";
import { parseArgs } from "node:util";

// Shared with lib/security/core/request-context.ts (PEER_HEADER, PEER_TOKEN_ENV) and lib/startup.ts.
const PEER_HEADER = "x-gatehouse-peer";
const PEER_TOKEN_ENV = "GATEHOUSE_PEER_TOKEN";
const SHUTDOWN_HOOK = Symbol.for("gatehouse.shutdown");

const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
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

const { default: next } = await import("next");
const app = next({ dev: false, dir: process.cwd(), hostname: values.hostname ?? "localhost", port });
await app.prepare();
const handle = app.getRequestHandler();

let stopping = false;
const server = createServer((req, res) => {
  req.headers[PEER_HEADER] = `${token} ${req.socket.remoteAddress ?? ""}`;
  if (stopping) res.setHeader("connection", "close");
  handle(req, res).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.listen(port, values.hostname, () => {
  console.log(`[gatehouse] listening on http://${values.hostname ?? "localhost"}:${port}`);
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
    process.exit(0);
  });
}
process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
