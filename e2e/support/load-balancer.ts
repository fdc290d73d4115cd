import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A real load balancer in front of app instances: Debian's HAProxy, round robin, as a production
 * deployment would have it. Every response names the instance that answered (`x-served-by`),
 * so a spec can check that a flow started on one instance finished on the other.
 *
 * Everything is round robin. A request may also name its instance (`x-gatehouse-instance:
 * first|second`): a spec alternates its POSTs (server actions, route handlers: the steps of a
 * flow) that way, so consecutive steps land on different instances deterministically — plain
 * round robin let an unobserved request shift the turn now and then. X-Forwarded-For is passed through as the client sent
 * it (no `option forwardfor`): each test brings its own address, as the single-instance suite does.
 */
export interface LoadBalancer {
  url: string;
  stop(): Promise<void>;
}

export const SERVED_BY_HEADER = "x-served-by";
export const PIN_HEADER = "x-gatehouse-instance";

export async function startLoadBalancer(port: number, upstreams: { name: string; port: number }[]): Promise<LoadBalancer> {
  const dir = mkdtempSync(path.join(tmpdir(), "gatehouse-haproxy-"));
  const servers = upstreams.map((u) => `  server ${u.name} 127.0.0.1:${u.port}`).join("\n");
  const pinned = upstreams
    .map((u) => `backend to_${u.name}\n  http-response set-header ${SERVED_BY_HEADER} %s\n  server ${u.name} 127.0.0.1:${u.port}`)
    .join("\n");
  const pins = upstreams.map((u) => `  use_backend to_${u.name} if { req.hdr(${PIN_HEADER}) -m str ${u.name} }`).join("\n");
  const config = `global
  maxconn 512
defaults
  mode http
  timeout connect 5s
  timeout client 60s
  timeout server 60s
frontend web
  bind 127.0.0.1:${port}
${pins}
  default_backend pages
${pinned}
backend pages
  balance roundrobin
  http-response set-header ${SERVED_BY_HEADER} %s
${servers}
`;
  const file = path.join(dir, "haproxy.cfg");
  writeFileSync(file, config);
  const child: ChildProcess = spawn(process.env.HAPROXY_PATH ?? "haproxy", ["-db", "-f", file], { stdio: ["ignore", "ignore", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await waitForPort(port, child);
  return {
    url: `http://localhost:${port}`,
    async stop() {
      child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`haproxy exited with ${child.exitCode} (apt-get install haproxy)`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: "127.0.0.1", port }, () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`haproxy did not listen on ${port}`);
}
