// Guarantee: operators can see what the app does without seeing its secrets — /api/health and
// /api/ready are cheap and bare; /api/metrics needs the scrape token or an admin and labels requests
// by route (never a token from the path); each request is one JSON log line with its request id
// (given or made, and returned) and, when signed in, the user id.
import { readFileSync } from "node:fs";
import path from "node:path";
import { randomBytes, randomUUID } from "node:crypto";
import { E2E_ADMIN } from "./support/admin";
import { expect, newSignedInUser, randomIp, signIn, test, uniqueEmail } from "./support/fixtures";
import { E2E_LOG_DIR } from "./support/secrets";
import { E2E_METRICS_TOKEN } from "./support/server";

const scrape = { authorization: `Bearer ${E2E_METRICS_TOKEN}` };

function logLines(): Record<string, unknown>[] {
  return readFileSync(path.join(E2E_LOG_DIR, "server.log"), "utf8")
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

test("health and readiness: cheap, no cookies, no secrets, outside the proxy", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });
  expect(health.headers()["set-cookie"]).toBeUndefined();
  // proxy.ts sets a CSP on everything it handles: these skip it.
  expect(health.headers()["content-security-policy"]).toBeUndefined();

  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: "ready", checks: { database: "ok", migrations: "current", mail: "outbox" } });
  expect(ready.headers()["cache-control"]).toBe("no-store");
});

test("metrics need the scrape token or an admin session", async ({ playwright, page }) => {
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await anonymous.get("/api/metrics")).status()).toBe(401);
  expect((await anonymous.get("/api/metrics", { headers: { authorization: "Bearer not-the-token" } })).status()).toBe(403);
  const scraped = await anonymous.get("/api/metrics", { headers: scrape });
  expect(scraped.status()).toBe(200);
  expect(scraped.headers()["content-type"]).toContain("text/plain");
  await anonymous.dispose();

  // A signed-in user who is not an admin: refused.
  await newSignedInUser(page);
  expect((await page.request.get("/api/metrics")).status()).toBe(403);
  await page.context().clearCookies();
  await page.goto("/login");
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/account$|\/admin/);
  const admin = await page.request.get("/api/metrics");
  expect(admin.status()).toBe(200);
  expect(await admin.text()).toContain("gatehouse_http_requests_total");
});

test("metrics: requests by route (no token in a label), sign-ins by method and outcome, rate-limit refusals, outbox and pool", async ({ request }) => {
  const token = randomBytes(32).toString("base64url");
  await request.get(`/confirm/${token}`);
  // 61 sign-ins from one address: the 61st meets the per-IP budget.
  const ip = randomIp();
  for (let i = 0; i < 61; i++) {
    await request.post("/login/session", {
      data: { identity: uniqueEmail("nobody"), password: "not anyone's password" },
      headers: { origin: test.info().project.use.baseURL!, "x-forwarded-for": ip },
    });
  }
  const text = await (await request.get("/api/metrics", { headers: scrape })).text();
  expect(text).not.toContain(token);
  expect(text).toMatch(/gatehouse_http_requests_total\{method="GET",route="\/confirm\/\[token\]",status="\d+"\} \d+/);
  expect(text).toMatch(/gatehouse_http_request_duration_seconds_bucket\{le="0\.1",method="POST",route="\/login\/session"\} \d+/);
  expect(text).toMatch(/gatehouse_sign_ins_total\{method="[a-z_+]+",outcome="failure"\} \d+/);
  expect(text).toMatch(/gatehouse_rate_limit_refusals_total\{bucket="login_ip"\} [1-9]\d*/);
  expect(text).toMatch(/gatehouse_outbox_messages\{status="pending"\} \d+/);
  expect(text).toMatch(/gatehouse_db_pool_max \d+/);
});

test("one log line per request: route, status, duration, the request id (given or made, and returned), the signed-in user", async ({ page, request }) => {
  const given = `e2e-${randomUUID()}`;
  const echoed = await request.get("/login", { headers: { "x-request-id": given } });
  expect(echoed.headers()["x-request-id"]).toBe(given);
  const made = await request.get("/login");
  expect(made.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  // A header that is not an id (too long, odd characters) is replaced, not logged.
  const odd = await request.get("/login", { headers: { "x-request-id": "<script>".repeat(40) } });
  expect(odd.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

  await newSignedInUser(page);
  const signedIn = `e2e-${randomUUID()}`;
  const account = await page.request.get("/account", { headers: { "x-request-id": signedIn } });
  expect(account.status()).toBe(200);

  await expect.poll(() => logLines().some((l) => l.requestId === signedIn)).toBe(true);
  const lines = logLines();
  expect(lines.find((l) => l.requestId === given)).toMatchObject({ msg: "request", method: "GET", route: "/login", status: 200 });
  const mine = lines.find((l) => l.requestId === signedIn)!;
  expect(mine).toMatchObject({ msg: "request", method: "GET", route: "/account", status: 200 });
  expect(mine.userId).toMatch(/^[0-9a-f-]{36}$/);
  expect(typeof mine.durationMs).toBe("number");
  // The user's sign-in was one security event line with the same user id.
  expect(lines.some((l) => l.msg === "security event" && l.event === "user_authenticated" && l.userId === mine.userId)).toBe(true);
});
