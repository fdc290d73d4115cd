import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, openSync } from "node:fs";
import path from "node:path";
import { E2E_LOG_DIR } from "./secrets";
import { MAILBOX_HEADERS, serverEnv } from "./server";

/**
 * Another start of the same build (the production server entry, as `npm start`) with some
 * settings changed (its own database unless given one). Specs that start one run their tests
 * serially, so one worker owns the port.
 */
export interface Instance {
  url: string;
  /** Its log (stdout and stderr), part of the run's log check (scripts/check-log-secrets.mjs). */
  logFile: string;
  process: ChildProcess;
  stop(): void;
  /** stop(), then wait until the process has exited: its port is free for the next start. */
  stopped(): Promise<void>;
}

export async function startInstance(port: number, env: Record<string, string>, options: { readyPath?: string; command?: string[] } = {}): Promise<Instance> {
  mkdirSync(E2E_LOG_DIR, { recursive: true });
  const logFile = path.join(E2E_LOG_DIR, `instance-${port}-${Date.now()}.log`);
  const log = openSync(logFile, "a");
  const child: ChildProcess = spawn("node", options.command ?? ["server/start.mjs", "-p", String(port)], {
    env: { ...process.env, ...serverEnv, DATABASE_URL: "", PGLITE_DIR: "memory://", APP_URL: `http://localhost:${port}`, WEBAUTHN_ORIGINS: "", ...env },
    stdio: ["ignore", log, log],
    detached: true,
  });
  const url = `http://localhost:${port}`;
  const stop = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  };
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stopped = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      stop();
      await exited;
    }
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    // The outbox is read from the database: a 200 means the database is open and migrated too
    // (an in-memory PGlite takes seconds to create on a busy machine). An instance without the
    // mailbox names another page to wait for.
    const ok = await fetch(`${url}${options.readyPath ?? "/dev/mailbox/messages"}`, { headers: MAILBOX_HEADERS }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok && child.exitCode === null) return { url, logFile, process: child, stop, stopped };
    await new Promise((r) => setTimeout(r, 300));
  }
  stop();
  throw new Error(`instance on ${port} did not start`);
}
