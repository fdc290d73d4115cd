// Guarantee: a misconfigured production server refuses to start with a message naming the bad
// variable, instead of failing on its first request (or silently dropping mail); and it says at
// start-up which client address the rate limits see, loudly when a client could choose it.
import { spawn } from "node:child_process";
import { expect, test } from "./support/fixtures";
import { serverEnv, STARTUP_PORTS } from "./support/server";

function startWith(env: Record<string, string>, port: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["next", "start", "-p", String(port)], {
      env: { ...process.env, NODE_ENV: "production", PGLITE_DIR: "memory://", DATABASE_URL: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test("a bad duration stops the start", async () => {
  const { code, output } = await startWith({ AUTH_SECRET: "x".repeat(40), MAIL_TRANSPORT: "outbox", SECURITY_FRESHNESS: "soon" }, STARTUP_PORTS[2]);
  expect(code).not.toBe(0);
  expect(output).toContain("SECURITY_FRESHNESS");
});

test("production without a mail transport or AUTH_SECRET stops the start", async () => {
  const { code, output } = await startWith({ AUTH_SECRET: "", RESEND_API_KEY: "", MAIL_TRANSPORT: "" }, STARTUP_PORTS[3]);
  expect(code).not.toBe(0);
  expect(output).toContain("AUTH_SECRET is required in production");
  expect(output).toContain("No mail transport in production");
});

test("production on an http APP_URL or without DATABASE_URL stops the start, naming both", async () => {
  const { code, output } = await startWith({ AUTH_SECRET: "x".repeat(40), MAIL_TRANSPORT: "outbox", APP_URL: "http://app.example.com" }, STARTUP_PORTS[0]);
  expect(code).not.toBe(0);
  expect(output).toContain("APP_URL: must be the public https:// URL in production");
  expect(output).toContain("DATABASE_URL: is required in production");
});

/** Starts a server with the e2e settings changed, reads its output until `until` appears, stops it. */
function outputOf(command: string[], env: Record<string, string>, port: number, until: RegExp): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(command[0]!, [...command.slice(1), "-p", String(port)], {
      env: { ...process.env, ...serverEnv, DATABASE_URL: "", PGLITE_DIR: "memory://", APP_URL: `http://localhost:${port}`, WEBAUTHN_ORIGINS: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const stop = () => child.kill("SIGTERM");
    const read = (d: Buffer) => {
      output += d.toString();
      if (until.test(output)) stop();
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    const timer = setTimeout(stop, 45_000);
    // Resolved once the port is free again: the next start reuses it.
    child.on("exit", () => {
      clearTimeout(timer);
      resolve(output);
    });
  });
}

test("start-up names the client address: the socket address behind the server entry, a warning without it", async () => {
  const entry = await outputOf(["node", "server/start.mjs"], { TRUST_PROXY: "0" }, STARTUP_PORTS[1], /client IP:|WARNING/);
  expect(entry).toContain("client IP: socket address");
  const behindProxy = await outputOf(["node", "server/start.mjs"], { TRUST_PROXY: "1" }, STARTUP_PORTS[1], /client IP:|WARNING/);
  expect(behindProxy).toContain("client IP: X-Forwarded-For, 1 trusted hop");
  const bare = await outputOf(
    ["node", "node_modules/next/dist/bin/next", "start"],
    { TRUST_PROXY: "0" },
    STARTUP_PORTS[1],
    /client IP:|WARNING[^]*Client addresses/,
  );
  expect(bare).toContain("WARNING: TRUST_PROXY=0 but the app was not started by its server entry");
});
