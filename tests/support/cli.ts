// Running `npm run gatehouse` from a test: spawned as an operator runs it, or the same commander
// program (scripts/cli/program.ts) in the test's process. A spawn costs seconds (tsx, and PGlite
// opening its folder), so spawns are for what only a real process shows: stdin, argv parsing, the
// npm aliases, exit codes; everything else runs here.
import { spawn } from "node:child_process";
import path from "node:path";
import { vi } from "vitest";
import { closeDb } from "@/lib/db";
import { runGatehouse } from "@/scripts/cli/program";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The last line of stdout when it is a JSON object (what `--json` prints). */
  json: Record<string, unknown> | null;
}

/** `undefined` removes a variable for the command. */
type EnvChanges = Record<string, string | undefined>;

export interface SpawnOptions {
  input?: string;
  env?: EnvChanges;
  /** Run through this npm script (e.g. `admin:create`) instead of scripts/gatehouse.ts. */
  npmScript?: string;
}

function lastJsonLine(stdout: string): Record<string, unknown> | null {
  const last = stdout.trim().split("\n").at(-1) ?? "";
  try {
    return last.startsWith("{") ? (JSON.parse(last) as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The command in a process of its own (tsx, the server-only shim, this file's database), stdin
 * given. With PGlite only one process may open the folder: the test's handle is closed first and
 * reopens by itself on the next query.
 */
export async function spawnGatehouse(args: string[], options: SpawnOptions = {}): Promise<Ran> {
  await closeDb();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const [command, commandArgs] = options.npmScript
    ? ["npm", ["run", "-s", options.npmScript, "--", ...args]]
    : [path.join(ROOT, "node_modules/.bin/tsx"), ["--import", "./scripts/support/server-only.mjs", "scripts/gatehouse.ts", ...args]];
  const child = spawn(command, commandArgs, { cwd: ROOT, env, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  child.stdin.end(options.input ?? "");
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return { code, stdout, stderr, json: lastJsonLine(stdout) };
}

/**
 * The same program as scripts/gatehouse.ts runs, in this process: its console output captured,
 * its exit code read from `process.exitCode` and reset (it must never become the test runner's).
 * A password comes from GATEHOUSE_PASSWORD here (stdin is the test runner's).
 */
export async function runGatehouseHere(args: string[], options: { env?: EnvChanges } = {}): Promise<Ran> {
  const changes = options.env ?? {};
  const saved = Object.fromEntries(Object.keys(changes).map((key) => [key, process.env[key]]));
  const apply = (values: EnvChanges): void => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  apply(changes);
  let stdout = "";
  let stderr = "";
  const log = vi.spyOn(console, "log").mockImplementation((...parts: unknown[]) => void (stdout += `${parts.join(" ")}\n`));
  const error = vi.spyOn(console, "error").mockImplementation((...parts: unknown[]) => void (stderr += `${parts.join(" ")}\n`));
  try {
    process.exitCode = undefined;
    await runGatehouse(["node", "gatehouse", ...args]);
    return { code: Number(process.exitCode ?? 0), stdout, stderr, json: lastJsonLine(stdout) };
  } finally {
    process.exitCode = undefined;
    log.mockRestore();
    error.mockRestore();
    apply(saved);
  }
}
