import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A PostgreSQL server of a spec's own (like scripts/pg-throwaway.sh), for specs that stop and
 * start it: the suite's shared database must not go away under the other specs.
 */
export interface ThrowawayPostgres {
  url: string;
  /** Asynchronous, so a load loop in the same process keeps running while the server goes away. */
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): void;
}

const asRoot = process.getuid?.() === 0;

function binDir(): string {
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => path.join(base, v, "bin")).find((d) => existsSync(path.join(d, "initdb")));
  if (!found) throw new Error("PostgreSQL server binaries not found (apt-get install postgresql)");
  return found;
}

export function postgresAvailable(): boolean {
  try {
    binDir();
    return true;
  } catch {
    return false;
  }
}

export function startPostgres(port: number): ThrowawayPostgres {
  const bin = binDir();
  const dir = mkdtempSync(path.join(tmpdir(), "gatehouse-e2e-pg-"));
  const uid = asRoot ? Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim()) : undefined;
  if (uid !== undefined) chownSync(dir, uid, uid);
  const command = (tool: string, args: string[]) =>
    asRoot ? ["runuser", "-u", "postgres", "--", path.join(bin, tool), ...args] : [path.join(bin, tool), ...args];
  const run = (tool: string, args: string[]) => {
    const [file, ...rest] = command(tool, args);
    execFileSync(file!, rest, { stdio: "ignore" });
  };
  const runAsync = async (tool: string, args: string[]) => {
    const [file, ...rest] = command(tool, args);
    await promisify(execFile)(file!, rest);
  };
  const startArgs = [
    "-D",
    `${dir}/data`,
    "-l",
    `${dir}/log`,
    "-w",
    "-t",
    "30",
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=localhost -c fsync=off`,
    "start",
  ];
  // -m fast: what a restart or fail-over does to the app's connections (terminated, not drained).
  const stopArgs = ["-D", `${dir}/data`, "-m", "fast", "-w", "stop"];
  run("initdb", ["-D", `${dir}/data`, "-U", "app", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  run("pg_ctl", startArgs);
  run("createdb", ["-h", "localhost", "-p", String(port), "-U", "app", "app"]);
  return {
    url: `postgres://app@localhost:${port}/app`,
    start: () => runAsync("pg_ctl", startArgs),
    stop: () => runAsync("pg_ctl", stopArgs),
    destroy() {
      try {
        run("pg_ctl", stopArgs);
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
