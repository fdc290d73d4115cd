// Guarantee: the standalone build (`node .next/standalone/server.js`, what the Dockerfile runs)
// serves the app from its own folder with the server entry's guarantees: the rate limits see the
// socket address, not a client's X-Forwarded-For; SIGTERM ends it cleanly; logs are JSON lines.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { once } from "node:events";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, uniqueEmail } from "./support/fixtures";
import { startInstance, type Instance } from "./support/instance";
import { postgresAvailable, startPostgres, type ThrowawayPostgres } from "./support/postgres";
import { OPS_PG_PORT, serverEnv, STANDALONE_PORT } from "./support/server";

test.skip(!postgresAvailable(), "needs the PostgreSQL server binaries");
test.describe.configure({ mode: "serial" });

const BUILT = ".next/standalone";
let pg: ThrowawayPostgres;
let instance: Instance;
let image: string;

test.beforeAll(async () => {
  expect(existsSync(path.join(BUILT, "server.js")), "npm run build assembles the standalone server").toBe(true);
  // Run from a copy outside the repository, as the Dockerfile's image has it: a module the build
  // did not trace would otherwise resolve from the repository's node_modules and go unnoticed.
  image = mkdtempSync(path.join(tmpdir(), "gatehouse-standalone-"));
  cpSync(BUILT, image, { recursive: true });
  pg = startPostgres(OPS_PG_PORT + 2);
  instance = await startInstance(
    STANDALONE_PORT,
    // No proxy in front: the default, TRUST_PROXY=0.
    { ...serverEnv, DATABASE_URL: pg.url, APP_URL: `http://localhost:${STANDALONE_PORT}`, TRUST_PROXY: "0" },
    { readyPath: "/api/ready", command: [path.join(image, "server.js"), "-p", String(STANDALONE_PORT)] },
  );
});

test.afterAll(() => {
  instance?.stop();
  pg?.destroy();
  if (image) rmSync(image, { recursive: true, force: true });
});

test("serves pages and assets, trusts the socket address over X-Forwarded-For, and stops cleanly on SIGTERM", async ({ request }) => {
  const login = await request.get(`${instance.url}/login`);
  expect(login.status()).toBe(200);
  // The standalone folder carries the prerendered pages' manifest (decision 067): a bare /login is the
  // prerendered copy under a hash policy, a /login with a `next` is rendered with a nonce.
  expect(login.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(login.headers()["content-security-policy"]).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+ 'strict-dynamic';/);
  const rendered = await request.get(`${instance.url}/login?next=/account`);
  expect(rendered.headers()["content-security-policy"]).toContain("nonce-");
  const script = /\/_next\/static\/[^"]+\.js/.exec(await login.text())?.[0];
  expect((await request.get(`${instance.url}${script}`)).status(), "static assets are in the standalone folder").toBe(200);

  // A sign-in to an unknown account is a security event; its logged address is the socket's.
  const forged = "203.0.113.77";
  const answer = await request.post(`${instance.url}/login/session`, {
    data: { identity: uniqueEmail("nobody"), password: "not anyone's password" },
    headers: { origin: instance.url, "x-forwarded-for": forged, "x-request-id": "standalone-check-1" },
  });
  expect(answer.status()).toBe(400);
  expect(answer.headers()["x-request-id"]).toBe("standalone-check-1");

  const exited = once(instance.process, "exit");
  process.kill(-instance.process.pid!, "SIGTERM");
  expect(((await exited) as [number | null])[0], "a clean exit").toBe(0);

  const lines = readFileSync(instance.logFile, "utf8")
    .split("\n")
    .filter((l) => l.startsWith("{"));
  const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(readFileSync(instance.logFile, "utf8")).toContain("client IP: socket address");
  const event = entries.find((e) => e.msg === "security event" && e.event === "user_failed_authn");
  expect(event?.ip, "the address the limits saw").toMatch(/^(::1|127\.0\.0\.1|::ffff:127\.0\.0\.1)$/);
  const line = entries.find((e) => e.msg === "request" && e.requestId === "standalone-check-1");
  expect(line).toMatchObject({ method: "POST", route: "/login/session", status: 400 });
  expect(entries.some((e) => e.msg === "stopped")).toBe(true);
});
