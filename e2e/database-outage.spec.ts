// Guarantee: PostgreSQL restarting or failing over under load never shows as a 500 or a hang: while
// it is down every request gets a fast 503 with Retry-After (a page, or JSON for JSON clients),
// within 5 s of its return requests succeed again without restarting the app, no acknowledged
// sign-in is lost, and a flow refused during the outage left nothing half-written.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import postgres from "postgres";
import { expect, newSignedInUser, randomIp, strongPassword, test, uniqueEmail } from "./support/fixtures";
import { startInstance, type Instance } from "./support/instance";
import { postgresAvailable, startPostgres, type ThrowawayPostgres } from "./support/postgres";
import { recordSecret } from "./support/secrets";
import { OPS_PG_PORT, OUTAGE_PORT, serverEnv } from "./support/server";

test.skip(!postgresAvailable(), "needs the PostgreSQL server binaries");
test.describe.configure({ mode: "serial" });

let pg: ThrowawayPostgres;
let instance: Instance;

test.beforeAll(async () => {
  pg = startPostgres(OPS_PG_PORT);
  instance = await startInstance(OUTAGE_PORT, { ...serverEnv, DATABASE_URL: pg.url, APP_URL: `http://localhost:${OUTAGE_PORT}` });
});

test.afterAll(() => {
  instance?.stop();
  pg?.destroy();
});

/** The load loop's size: bounded in workers and time, and it stops by itself. */
const WORKERS = 4;
const UP_BEFORE_MS = 3_000;
const OUTAGE_MS = 4_000;
const UP_AFTER_MS = 8_000;
/** The promise: requests succeed again within 5 s of the database's return. */
const RECOVERY_MS = 5_000;
/** A 503 must be fast: bounded connect waits, not a hung request. */
const FAST_MS = 3_000;

interface Outcome {
  kind: "page" | "sign-in";
  status: number | "error";
  startedAt: number;
  ms: number;
  retryAfter?: string;
  contentType?: string;
  cookie?: string;
  requestId?: string;
}

async function signedInUser(page: Page): Promise<{ email: string; password: string; cookie: string }> {
  const { email, password } = await newSignedInUser(page);
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("gatehouse.session"));
  return { email, password, cookie: `${session!.name}=${session!.value}` };
}

async function timed(kind: Outcome["kind"], send: () => Promise<Response>): Promise<Outcome> {
  const startedAt = Date.now();
  try {
    const response = await send();
    await response.arrayBuffer();
    const setCookie = response.headers.getSetCookie().find((c) => c.includes("gatehouse.session=") && !c.includes("gatehouse.session=;"));
    return {
      kind,
      status: response.status,
      startedAt,
      ms: Date.now() - startedAt,
      retryAfter: response.headers.get("retry-after") ?? undefined,
      contentType: response.headers.get("content-type") ?? undefined,
      cookie: setCookie?.split(";")[0],
      requestId: response.headers.get("x-request-id") ?? undefined,
    };
  } catch {
    return { kind, status: "error", startedAt, ms: Date.now() - startedAt };
  }
}

test("PostgreSQL restarted under load: 503s while it is down, success within 5 s of its return, no acknowledged sign-in lost", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: instance.url, extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const user = await signedInUser(await context.newPage());
  await context.close();
  const openAccount = () =>
    timed("page", () => fetch(`${instance.url}/account`, { headers: { cookie: user.cookie, accept: "text/html" }, redirect: "manual" }));
  const signIn = () =>
    timed("sign-in", () =>
      fetch(`${instance.url}/login/session`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", origin: instance.url, "x-forwarded-for": randomIp() },
        body: JSON.stringify({ identity: user.email, password: user.password, remember: false }),
        redirect: "manual",
      }),
    );

  const outcomes: Outcome[] = [];
  // Bounded: the loop ends UP_AFTER_MS after the database is back, and at the latest after a minute.
  let until = Date.now() + 60_000;
  const load = Promise.all(
    Array.from({ length: WORKERS }, async (_, worker) => {
      for (let i = 0; Date.now() < until; i++) outcomes.push(await ((i + worker) % 2 === 0 ? openAccount() : signIn()));
    }),
  );
  await new Promise((r) => setTimeout(r, UP_BEFORE_MS));
  const downAt = Date.now();
  await pg.stop();
  const stoppedIn = Date.now() - downAt;
  await new Promise((r) => setTimeout(r, OUTAGE_MS));
  const startingAt = Date.now();
  await pg.start();
  const backAt = Date.now();
  test.info().annotations.push({ type: "timeline", description: `stop took ${stoppedIn} ms, start took ${backAt - startingAt} ms` });
  until = backAt + UP_AFTER_MS;
  await load;

  const success = outcomes.filter((o) => o.status === 200);
  const unavailable = outcomes.filter((o) => o.status === 503);
  const other = outcomes.filter((o) => o.status !== 200 && o.status !== 503);
  const slow = outcomes.filter((o) => o.ms >= FAST_MS).map((o) => `${o.kind} ${o.status} started ${o.startedAt - downAt} ms after the stop, took ${o.ms} ms`);
  test.info().annotations.push({ type: "slow", description: slow.join("; ") || "none" });
  test.info().annotations.push({
    type: "counts",
    description: `${outcomes.length} requests: ${success.length} success, ${unavailable.length} 503, ${other.length} other; down ${backAt - downAt} ms`,
  });
  expect(
    other.map((o) => `${o.kind} ${o.status}`),
    "no 500, no reset connection, nothing but success or 503",
  ).toEqual([]);
  expect(unavailable.length, "the outage was seen").toBeGreaterThan(0);
  for (const o of unavailable) {
    expect(o.retryAfter, "503 says when to retry").toMatch(/^\d+$/);
    expect(o.ms, "503 is fast").toBeLessThan(FAST_MS);
    expect(o.contentType).toContain(o.kind === "page" ? "text/html" : "application/json");
  }
  const late = outcomes.filter((o) => o.startedAt >= backAt + RECOVERY_MS);
  expect(late.length, "requests were made after the recovery window").toBeGreaterThan(0);
  // A failure here names what the server logged for it (the driver's error code and message).
  const log = readFileSync(instance.logFile, "utf8").split("\n");
  expect(
    late.filter((o) => o.status !== 200).map((o) => ({ ...o, log: log.filter((line) => o.requestId && line.includes(o.requestId)) })),
    "every request 5 s after the database's return succeeds",
  ).toEqual([]);
  expect(success.filter((o) => o.startedAt > downAt && o.kind === "sign-in").length, "sign-ins succeed again after the restart").toBeGreaterThan(0);

  // Every acknowledged sign-in's session is there: its cookie opens the account page.
  const acknowledged = success.filter((o) => o.kind === "sign-in").map((o) => o.cookie!);
  expect(acknowledged.length).toBeGreaterThan(0);
  for (const cookie of acknowledged) {
    recordSecret("cookie", cookie.slice(cookie.indexOf("=") + 1));
    const response = await fetch(`${instance.url}/account`, { headers: { cookie }, redirect: "manual" });
    expect(response.status, "an acknowledged sign-in's session survived the restart").toBe(200);
  }
});

test("a registration sent while PostgreSQL is down gets a 503 and leaves nothing; sent again it is stored once, with its event and email", async ({ page }) => {
  const email = uniqueEmail("outage");
  const password = strongPassword();
  const sql = postgres(pg.url, { max: 1, onnotice: () => {} });
  const rows = async () => {
    const [users] = await sql`select count(*)::int as n from users where email_normalized = ${email}`;
    const [mails] = await sql`select count(*)::int as n from outbox where "to" = ${email}`;
    const [events] =
      await sql`select count(*)::int as n from security_events e join users u on u.id = e.user_id where u.email_normalized = ${email} and e.type = 'user_registered'`;
    return { users: users!.n, mails: mails!.n, events: events!.n };
  };
  try {
    await page.goto(`${instance.url}/register`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByLabel("Confirm password").fill(password);
    await pg.stop();
    const refused = page.waitForResponse((r) => r.request().method() === "POST");
    await page.getByRole("button", { name: "Create account" }).click();
    expect((await refused).status()).toBe(503);
    expect((await refused).headers()["retry-after"]).toMatch(/^\d+$/);
    await pg.start();
    expect(await rows()).toEqual({ users: 0, mails: 0, events: 0 });

    // Once it is back (no restart of the app), the same form goes through — within the recovery window.
    await page.goto(`${instance.url}/register`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByLabel("Confirm password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/register\/check-email/, { timeout: RECOVERY_MS });
    // With generic responses the account is written after the answer (afterTheAnswer, decision 014).
    await expect.poll(rows, { timeout: 10_000 }).toEqual({ users: 1, mails: 1, events: 1 });
  } finally {
    await sql.end();
  }
});
