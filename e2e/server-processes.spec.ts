// Guarantee: `npm start` with SERVER_PROCESSES=2 serves from two processes (every core busy,
// decision 069), and a server process that dies is replaced while the other keeps serving — a
// crash is never an outage. Also: a production build has none of the bench's control routes
// (decision 068), so nothing bench-only is reachable in a deployment.
import { readFileSync, readdirSync } from "node:fs";
import http from "node:http";
import { expect, test } from "./support/fixtures";
import { startInstance, type Instance } from "./support/instance";
import { postgresAvailable, startPostgres, type ThrowawayPostgres } from "./support/postgres";
import { E2E_METRICS_TOKEN, E2E_PORT, OPS_PG_PORT, serverEnv, SERVER_PROCESSES_PORT } from "./support/server";

test.describe.configure({ mode: "serial" });

/** The pids of `parent`'s children (the supervisor's server processes), from /proc. */
function childrenOf(parent: number): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === parent;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** The pids that logged a served request in the instance's JSON log. */
function pidsThatServed(logFile: string): Set<number> {
  const pids = new Set<number>();
  for (const line of readFileSync(logFile, "utf8").split("\n")) {
    if (!line.startsWith("{")) continue;
    const entry = JSON.parse(line) as { msg?: string; pid?: number };
    if (entry.msg === "request" && entry.pid) pids.add(entry.pid);
  }
  return pids;
}

/** A GET on a connection of its own (no keep-alive pool): the primary hands connections to the processes in turn. */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

async function serveMany(url: string, n: number): Promise<number[]> {
  return (await Promise.all(Array.from({ length: n }, () => get(`${url}/login`)))).map((r) => r.status);
}

test.describe("two server processes", () => {
  test.skip(!postgresAvailable(), "needs the PostgreSQL server binaries (PGlite is one process's)");
  let pg: ThrowawayPostgres | undefined;
  let instance: Instance | undefined;

  test.beforeAll(async () => {
    pg = startPostgres(OPS_PG_PORT + 3);
    instance = await startInstance(
      SERVER_PROCESSES_PORT,
      { ...serverEnv, DATABASE_URL: pg.url, APP_URL: `http://localhost:${SERVER_PROCESSES_PORT}`, SERVER_PROCESSES: "2" },
      { readyPath: "/api/ready" },
    );
  });

  test.afterAll(() => {
    instance?.stop();
    pg?.destroy();
  });

  test("both serve, and a killed one is replaced while the other keeps serving", async () => {
    test.setTimeout(120_000);
    const supervisor = instance!.process.pid!;
    await expect.poll(() => childrenOf(supervisor).length, { timeout: 30_000 }).toBe(2);
    const first = childrenOf(supervisor);
    await expect
      .poll(
        async () => {
          expect(await serveMany(instance!.url, 20)).toEqual(Array(20).fill(200));
          return [...pidsThatServed(instance!.logFile)].filter((pid) => first.includes(pid)).length;
        },
        { timeout: 30_000 },
      )
      .toBe(2);

    const [victim, survivor] = first as [number, number];
    process.kill(victim, "SIGKILL");
    // Its connections die with it (a crash loses what was in flight). Once the supervisor has seen it
    // go, the survivor answers while the replacement starts.
    await expect.poll(() => childrenOf(supervisor).includes(victim), { timeout: 10_000 }).toBe(false);
    expect(await serveMany(instance!.url, 5)).toEqual(Array(5).fill(200));
    await expect.poll(() => childrenOf(supervisor).filter((pid) => pid !== survivor && pid !== victim).length, { timeout: 60_000 }).toBe(1);
    const replacement = childrenOf(supervisor).find((pid) => pid !== survivor)!;
    await expect
      .poll(
        async () => {
          expect(await serveMany(instance!.url, 20)).toEqual(Array(20).fill(200));
          return pidsThatServed(instance!.logFile).has(replacement);
        },
        { timeout: 60_000 },
      )
      .toBe(true);
  });

  test("/api/metrics counts the requests of every process, whichever one is scraped", async () => {
    const loginRequests = async () => {
      // Each scrape on a new connection: either process may answer it.
      const { status, body: text } = await get(`${instance!.url}/api/metrics`, { authorization: `Bearer ${E2E_METRICS_TOKEN}` });
      expect(status).toBe(200);
      return [...text.matchAll(/^gatehouse_http_requests_total\{[^}]*route="\/login"[^}]*\} (\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
    };
    const before = await loginRequests();
    expect(await serveMany(instance!.url, 30)).toEqual(Array(30).fill(200));
    await expect.poll(loginRequests, { timeout: 10_000 }).toBe(before + 30);
    // Every later scrape, whichever process answers it, says the same: each process alone saw about
    // half of them, and the two have different totals (one was started after the kill).
    for (let i = 0; i < 6; i++) expect(await loginRequests()).toBe(before + 30);
  });
});

test("a production build has none of the bench's control routes", async () => {
  for (const path of [
    "/bench/floor/dynamic",
    "/bench/floor/dynamic-round-trips",
    "/bench/floor/static",
    "/bench/floor/handler",
    "/api/security/bench-floor-round-trip",
  ]) {
    expect((await fetch(`http://localhost:${E2E_PORT}${path}`)).status, path).toBe(404);
  }
  const routes = JSON.parse(readFileSync(".next/app-path-routes-manifest.json", "utf8")) as Record<string, string>;
  expect(Object.values(routes).filter((route) => route.startsWith("/bench") || route.includes("bench-floor"))).toEqual([]);
});
