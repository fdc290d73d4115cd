/**
 * `npm run sweep`: fires thousands of hostile requests at a production build (`next start`) —
 * every server action (found in .next/server/server-reference-manifest.json, posted to a page
 * that hosts it), every route handler and every page — anonymously and with a signed-in
 * session, and prints the answers by status class, each 5xx with the request that caused it,
 * and the distinct server errors the app logged.
 *
 * Exit status 1 when a 5xx (or a hang) came from a request whose line or headers alone would
 * have let a guard refuse it (a cross-site origin, a content type no form sends, a declared
 * length over the limit…): those must be stopped at the door (proxy.ts). `--strict` also fails
 * on body-only 5xx. docs/decisions/010 has the counts before and after the guard.
 *
 * By default it starts its own server (`server/start.mjs`, as `npm start`) on SWEEP_PORT (3200)
 * with a fresh PGlite folder and a sweep user; SWEEP_BASE_URL=… with SWEEP_EMAIL/SWEEP_PASSWORD aims at a running one instead.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomInt } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { actionCases, pageCases, routeCases, SWEEP_MAILBOX_TOKEN, type HostileRequest } from "./sweep/cases";
import { send, statusClass, type Outcome } from "./sweep/http";
import { readTargets } from "./sweep/targets";

const ROOT = path.resolve(import.meta.dirname, "..");
const STRICT = process.argv.includes("--strict");
const PORT = Number(process.env.SWEEP_PORT ?? 3200);
const BASE = process.env.SWEEP_BASE_URL ?? `http://localhost:${PORT}`;
const CONCURRENCY = Number(process.env.SWEEP_CONCURRENCY ?? 4);
const TIMEOUT_MS = Number(process.env.SWEEP_TIMEOUT_MS ?? 15_000);
// A fresh session for every few signed-in requests: some actions end the session they run in (sign out, sign out others).
const SESSION_REUSE = 12;
const EMAIL = process.env.SWEEP_EMAIL ?? "sweep@example.com";
const PASSWORD = process.env.SWEEP_PASSWORD ?? "Gatehouse sweep passphrase 7";
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const freshAgent = new http.Agent({ keepAlive: false });

type Identity = "anonymous" | "signed-in";

interface Result extends Outcome {
  /** The request without its body (kept for the report; the bodies of a whole sweep would not fit in memory). */
  request: Omit<HostileRequest, "body"> & { size: number };
  identity: Identity;
}

const serverLog: string[] = [];

function serverEnv(dataDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...(process.env.DATABASE_URL ? {} : { PGLITE_DIR: dataDir }),
    NODE_ENV: "production",
    APP_URL: BASE,
    AUTH_SECRET: "sweep-secret-sweep-secret-sweep-secret-1234",
    MAIL_TRANSPORT: "outbox",
    // A production build on http://localhost and PGlite, with the dev mailbox open as on staging
    // (so its route handler is swept too).
    SECURITY_ALLOW_INSECURE_APP_URL: "true",
    SECURITY_ALLOW_PGLITE_IN_PRODUCTION: "true",
    SECURITY_DEV_MAILBOX: "true",
    SECURITY_DEV_MAILBOX_TOKEN: SWEEP_MAILBOX_TOKEN,
    // Each request sends its own X-Forwarded-For, so per-IP rate limits do not answer for the app.
    TRUST_PROXY: "1",
    ADMIN_PASSWORD: PASSWORD,
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

async function startServer(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const created = spawnSync("npm", ["run", "--silent", "user:create", "--", EMAIL], { cwd: ROOT, env, encoding: "utf8" });
  if (created.status !== 0) throw new Error(`could not create the sweep user: ${created.stderr || created.stdout}`);
  // The production entry (`npm start`), as deployed.
  const server = spawn(process.execPath, ["server/start.mjs", "-p", String(PORT)], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  for (const stream of [server.stdout, server.stderr]) {
    let pending = "";
    stream!.on("data", (chunk: Buffer) => {
      const lines = (pending + chunk.toString("utf8")).split("\n");
      pending = lines.pop() ?? "";
      serverLog.push(...lines);
    });
  }
  const until = Date.now() + 120_000;
  while (Date.now() < until) {
    const answer = await send(BASE, { family: "", name: "", door: "headers", method: "GET", path: "/login", headers: {}, target: "" }, {}, 5000, agent);
    if (answer.status === 200) return server;
    if (server.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`next start did not answer /login with 200:\n${serverLog.slice(-20).join("\n")}`);
}

const randomIp = (): string => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/** A fresh session cookie, the way the sign-in form gets one. */
async function signIn(): Promise<string | null> {
  return new Promise((resolve) => {
    const body = JSON.stringify({ identity: EMAIL, password: PASSWORD });
    const req = http.request(
      `${BASE}/login/session`,
      {
        method: "POST",
        agent,
        headers: { origin: BASE, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), "x-forwarded-for": randomIp() },
      },
      (res) => {
        res.resume();
        const cookie = [res.headers["set-cookie"] ?? []].flat().find((c) => /^(__Host-)?gatehouse\.session=/.test(c));
        resolve(res.statusCode === 200 && cookie ? cookie.split(";")[0]! : null);
      },
    );
    req.on("error", () => resolve(null));
    req.end(body);
  });
}

let signInFailures = 0;

async function run(requests: HostileRequest[], identity: Identity, results: Result[]): Promise<void> {
  for (let start = 0; start < requests.length; start += SESSION_REUSE) {
    const batch = requests.slice(start, start + SESSION_REUSE);
    let cookie: string | null = null;
    if (identity === "signed-in") {
      cookie = await signIn();
      if (!cookie) signInFailures++;
    }
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(CONCURRENCY, batch.length) }, async () => {
        while (next < batch.length) {
          const request = batch[next++]!;
          const extra: Record<string, string> = { "x-forwarded-for": randomIp() };
          if (cookie) extra.cookie = cookie;
          let outcome = await send(BASE, request, extra, TIMEOUT_MS, agent);
          // A kept-alive socket the server had just closed: the client's race, not an answer. Once more on a new socket.
          if (outcome.status === "error") outcome = await send(BASE, request, extra, TIMEOUT_MS, freshAgent);
          const { body, ...rest } = request;
          results.push({ ...outcome, request: { ...rest, size: body?.length ?? 0 }, identity });
        }
      }),
    );
  }
}

const CLASSES = ["2xx", "3xx", "4xx", "5xx", "timeout", "error"];
const failed = (r: Result): boolean => typeof r.status !== "number" || r.status >= 500;

function countRow(label: string, rows: Result[]): string {
  const counts = CLASSES.map((c) => rows.filter((r) => statusClass(r.status) === c).length);
  return `${label.padEnd(12)}${counts.map((n) => String(n).padStart(8)).join("")}${String(rows.length).padStart(9)}`;
}

/** Distinct error messages the server logged (first line, digits and ids folded). */
function errorDigest(): [string, number][] {
  const counts = new Map<string, number>();
  for (const line of serverLog) {
    if (!/error|⨯|invalid|exceeded|unexpected/i.test(line) || /^\s+at /.test(line)) continue;
    const key = line
      .replace(/[0-9a-f]{40,}/g, "<id>")
      .replace(/\d+/g, "N")
      .trim()
      .slice(0, 160);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

function describe(r: Result): string {
  const { request } = r;
  const type = request.headers["content-type"] ?? "-";
  const origin = request.headers.origin ?? "-";
  const size = request.size ? `${request.size} B${request.chunked ? " chunked" : ""}` : "no body";
  return `${String(r.status).padEnd(7)} ${request.door.padEnd(7)} ${r.identity.padEnd(9)} ${request.method} ${request.path.slice(0, 60)}  ${request.target}  [${request.family}] ${request.name}  (origin ${origin}; type ${type}; ${size})`;
}

async function main(): Promise<void> {
  if (!existsSync(path.join(ROOT, ".next/BUILD_ID"))) throw new Error("no production build: run `npm run build` first");
  const buildId = readFileSync(path.join(ROOT, ".next/BUILD_ID"), "utf8").trim();
  let server: ChildProcess | undefined;
  let dataDir: string | undefined;
  if (!process.env.SWEEP_BASE_URL) {
    dataDir = mkdtempSync(path.join(tmpdir(), "gatehouse-sweep-"));
    server = await startServer(serverEnv(dataDir));
  }
  try {
    const targets = readTargets(ROOT);
    const dynamic = Object.values(JSON.parse(readFileSync(path.join(ROOT, ".next/app-path-routes-manifest.json"), "utf8")) as Record<string, string>).filter(
      (url) => url.includes("[") && !url.startsWith("/api/"),
    );
    // Built per action as they are sent (the oversized bodies add up to hundreds of MB at once).
    const others = (): HostileRequest[] => [...pageCases(BASE, targets.pages, dynamic), ...routeCases(BASE)];
    const perIdentity = targets.actions.reduce((n, action) => n + actionCases(BASE, action).length, others().length);
    console.log(`Hostile-input sweep: ${BASE} (build ${buildId})`);
    console.log(
      `${targets.actions.length} server actions, ${targets.routes.length} route handlers, ${targets.pages.length} pages; ${perIdentity} requests × 2 identities`,
    );
    const started = performance.now();
    const results: Result[] = [];
    // One action at a time: an action that signs out other sessions must not end the sessions of another's requests.
    for (const identity of ["anonymous", "signed-in"] as const) {
      for (const action of targets.actions) await run(actionCases(BASE, action), identity, results);
      await run(others(), identity, results);
    }
    const seconds = (performance.now() - started) / 1000;

    console.log(
      `\n${results.length} requests in ${seconds.toFixed(0)} s${signInFailures ? ` (${signInFailures} sign-ins failed: those ran anonymously)` : ""}\n`,
    );
    console.log(`${"".padEnd(12)}${CLASSES.map((c) => c.padStart(8)).join("")}${"total".padStart(9)}`);
    for (const identity of ["anonymous", "signed-in"] as const)
      console.log(
        countRow(
          identity,
          results.filter((r) => r.identity === identity),
        ),
      );
    console.log(countRow("all", results));

    const failures = results.filter(failed);
    const byDoor = (door: string): number => failures.filter((r) => r.request.door === door).length;
    console.log(`\n5xx and hangs: ${failures.length} (the line or headers could have stopped ${byDoor("headers")}; only the body shows ${byDoor("body")})`);
    const families = new Map<string, number>();
    for (const r of failures) families.set(`${r.request.door} / ${r.request.family}`, (families.get(`${r.request.door} / ${r.request.family}`) ?? 0) + 1);
    for (const [family, n] of [...families.entries()].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(7)}  ${family}`);
    const digest = errorDigest();
    if (digest.length) {
      console.log("\nErrors in the server's log (distinct first lines):");
      for (const [line, n] of digest.slice(0, 40)) console.log(`${String(n).padStart(7)}  ${line}`);
    }
    if (failures.length) {
      console.log("\nEvery 5xx / hang (status, door, identity, request, target, case):");
      for (const r of failures) console.log(`  ${describe(r)}`);
    }

    mkdirSync(path.join(ROOT, "sweep-results"), { recursive: true });
    const summary = {
      base: BASE,
      buildId,
      at: new Date().toISOString(),
      requests: results.length,
      classes: Object.fromEntries(CLASSES.map((c) => [c, results.filter((r) => statusClass(r.status) === c).length])),
      failures: failures.map((r) => ({
        status: r.status,
        door: r.request.door,
        identity: r.identity,
        method: r.request.method,
        path: r.request.path.slice(0, 200),
        target: r.request.target,
        family: r.request.family,
        name: r.request.name,
        detail: r.detail?.slice(0, 200),
      })),
      serverErrors: digest,
    };
    writeFileSync(path.join(ROOT, "sweep-results/latest.json"), JSON.stringify(summary, null, 2));
    if (serverLog.length) writeFileSync(path.join(ROOT, "sweep-results/server.log"), serverLog.join("\n"));
    const blocking = failures.filter((r) => STRICT || r.request.door === "headers");
    if (blocking.length) {
      console.log(`\nFAIL: ${blocking.length} 5xx/hangs ${STRICT ? "(strict)" : "that the request line or headers could have prevented"}.`);
      process.exitCode = 1;
    } else {
      console.log(`\nOK: no 5xx that the request line or headers could have prevented${byDoor("body") ? ` (${byDoor("body")} body-only remain)` : ""}.`);
    }
  } finally {
    agent.destroy();
    if (server?.pid) {
      const exited = new Promise((r) => server.once("exit", r));
      process.kill(-server.pid, "SIGTERM");
      await exited;
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
