// Guarantee: nothing of a flow lives in one process's memory. Two app instances (one PostgreSQL)
// behind a real round-robin load balancer (HAProxy): every flow's next step is served by the other
// instance than the step before — register → confirm, password → two-factor code, sign-in link,
// passkey registration and sign-in, emailed sign-in code, the JSON API's token and refresh — and each still finishes.
import type { Browser, Page } from "@playwright/test";
import {
  confirmByLink,
  expect,
  latestEmail,
  linkFrom,
  newSignedInUser,
  randomIp,
  register,
  signIn,
  strongPassword,
  test,
  uniqueEmail,
  switchToCode,
  openOtherWays,
} from "./support/fixtures";
import { apiClientFor, registerThroughApi } from "./support/api-client";
import { startInstance, type Instance } from "./support/instance";
import { PIN_HEADER, SERVED_BY_HEADER, startLoadBalancer, type LoadBalancer } from "./support/load-balancer";
import { addPasskey, addVirtualAuthenticator, disablePasskeyAutofill } from "./support/passkeys";
import { E2E_PORT, PROXY_PORT, SECOND_INSTANCE_PORT, serverEnv } from "./support/server";
import { codeFrom, emailedCode, lastMessageId, setUpEmailCodes, signOut } from "./support/two-factor";

test.skip(!process.env.E2E_DATABASE_URL, "two instances need a shared PostgreSQL (E2E_DATABASE_URL)");

// One second instance and one load balancer on fixed ports, owned by one worker.
test.describe.configure({ mode: "serial" });

let second: Instance | undefined;
let balancer: LoadBalancer | undefined;

test.beforeAll(async () => {
  // The same settings and database as the suite's instance.
  second = await startInstance(SECOND_INSTANCE_PORT, serverEnv);
  balancer = await startLoadBalancer(PROXY_PORT, [
    { name: "first", port: E2E_PORT },
    { name: "second", port: SECOND_INSTANCE_PORT },
  ]);
});

test.afterAll(async () => {
  second?.stop();
  await balancer?.stop();
});

/** The instance that served each POST (a flow's steps: server actions and route handlers), in order. */
function watchSteps(page: Page): { since(): () => string[] } {
  const served: string[] = [];
  page.on("response", (response) => {
    // Not the account pages' one-time report of the browser's time zone (decision 066): it is no step of a flow.
    const request = response.request();
    if (request.method() === "POST" && new URL(request.url()).pathname !== "/account/time-zone") served.push(response.headers()[SERVED_BY_HEADER] ?? "?");
  });
  return {
    since() {
      const from = served.length;
      return () => served.slice(from);
    },
  };
}

/** A step ran on one instance and the next step on the other. */
function expectHandOver(first: string[], then: string[], what: string): void {
  expect(first.length, `${what}: the first step made a request`).toBeGreaterThan(0);
  expect(then.length, `${what}: the next step made a request`).toBeGreaterThan(0);
  expect(new Set([...first, ...then]), `${what}: served by both instances`).toEqual(new Set(["first", "second"]));
  expect(then[0], `${what}: the next step went to the other instance`).not.toBe(first.at(-1));
}

async function throughBalancer(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: balancer!.url, extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const page = await context.newPage();
  await disablePasskeyAutofill(page);
  // Each POST names the other instance than the one before (see startLoadBalancer).
  let turn = 0;
  await page.route("**/*", (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    const instance = turn++ % 2 === 0 ? "first" : "second";
    return route.continue({ headers: { ...request.headers(), [PIN_HEADER]: instance } });
  });
  return page;
}

test("register on one instance, confirm and sign in on the other", async ({ browser }) => {
  const page = await throughBalancer(browser);
  const steps = watchSteps(page);
  const email = uniqueEmail("lb");
  const password = strongPassword();

  const registering = steps.since();
  await register(page, email, password);
  const registered = registering();
  const mail = await latestEmail(page.request, email, "Gatehouse: Welcome");
  const confirming = steps.since();
  await confirmByLink(page, linkFrom(mail.text, "/confirm/"));
  expectHandOver(registered, confirming(), "register → confirm");

  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/account$/);
  await page.context().close();
});

test("password on one instance, the emailed two-factor code on the other", async ({ browser }) => {
  const page = await throughBalancer(browser);
  const steps = watchSteps(page);
  const { email, password } = await newSignedInUser(page);
  await setUpEmailCodes(page, email);
  await signOut(page);

  const before = await lastMessageId(page.request, email);
  const first = steps.since();
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/login\/two-factor$/);
  const passwordStep = first();
  const { code } = await emailedCode(page.request, email, before);
  const second = steps.since();
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
  expectHandOver(passwordStep, second(), "password → two-factor code");
  await page.context().close();
});

test("a sign-in link asked for on one instance signs in on the other", async ({ browser }) => {
  const page = await throughBalancer(browser);
  const steps = watchSteps(page);
  const { email } = await newSignedInUser(page);
  await signOut(page);

  const asking = steps.since();
  await openOtherWays(page);
  await page.getByRole("link", { name: "Email me a sign-in link" }).click();
  // Else "Email" is still the sign-in page's field, filled just before the navigation replaces it.
  await expect(page).toHaveURL(/\/login\/magic$/);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByTestId("form-message")).toHaveText(/we've sent it a sign-in link/);
  const asked = asking();
  const mail = await latestEmail(page.request, email, "Gatehouse: Your sign-in link");
  const using = steps.since();
  await page.goto(linkFrom(mail.text, "/login/magic/"));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  expectHandOver(asked, using(), "sign-in link");
  await page.context().close();
});

test("an emailed sign-in code sent by one instance is accepted by the other", async ({ browser }) => {
  const page = await throughBalancer(browser);
  const steps = watchSteps(page);
  const { email } = await newSignedInUser(page);
  // Email codes as a way to sign in, proven by the code they send.
  const setupBefore = await lastMessageId(page.request, email);
  await page.goto("/account/security/sign-in-codes");
  await page.getByRole("button", { name: "Set up Email codes" }).click();
  const setupMail = await latestEmail(page.request, email, undefined, setupBefore);
  await page.getByLabel("Code", { exact: true }).fill(codeFrom(setupMail.text));
  await page.getByRole("button", { name: "Verify and add" }).click();
  await expect(page.getByTestId("sign-in-method-email")).toContainText("Active");
  await signOut(page);

  const before = await lastMessageId(page.request, email);
  const sending = steps.since();
  await page.getByLabel("Email").fill(email);
  await switchToCode(page);
  await page.getByRole("button", { name: "Email me a code" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("If that account exists, we've sent it a code.");
  const sent = sending();
  const mail = await latestEmail(page.request, email, "Gatehouse: Your verification code", before);
  const using = steps.since();
  await page.getByLabel("One-time code", { exact: true }).fill(codeFrom(mail.text));
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
  expectHandOver(sent, using(), "emailed sign-in code");
  await page.context().close();
});

test("a passkey registered and used through two instances", async ({ browser }) => {
  const page = await throughBalancer(browser);
  await addVirtualAuthenticator(page);
  await newSignedInUser(page);
  const steps = watchSteps(page);

  // Registration: options (and the challenge row) from one instance, verification by the other.
  const registering = steps.since();
  await addPasskey(page, "Shared laptop");
  const registration = registering();
  expect(registration).toHaveLength(2);
  expectHandOver(registration.slice(0, 1), registration.slice(1), "passkey registration");

  await page.context().clearCookies();
  await page.goto("/login");
  const signingIn = steps.since();
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(/\/account$/);
  const signInSteps = signingIn();
  expect(signInSteps.length).toBeGreaterThanOrEqual(2);
  expectHandOver(signInSteps.slice(0, 1), signInSteps.slice(1), "passkey sign-in");
  await page.context().close();
});

test("JSON API: a token from one instance is refreshed on the other and used on the first; a replay there ends the family", async ({ request }) => {
  // Every call names the other instance than the one before, and the answers say who served them.
  let turn = 0;
  const served: string[] = [];
  const app = apiClientFor(balancer!.url, () => ({ [PIN_HEADER]: turn++ % 2 === 0 ? "first" : "second" }));
  app.api.use({
    onResponse({ response }) {
      served.push(response.headers.get(SERVED_BY_HEADER) ?? "?");
      return response;
    },
  });
  const email = uniqueEmail("lb-api");
  const password = strongPassword();
  await registerThroughApi(app, request, email, password);
  const from = served.length;
  const login = await app.api.POST("/api/security/login", { params: { query: { include_auth_token: "" } }, body: { email, password } });
  expect(login.data?.response.user?.email).toBe(email);
  const first = { ...app.tokens };
  expect((await app.api.GET("/api/me")).data?.response.authenticated_by).toBe("token");
  expect(await app.refresh()).toBe(true);
  expect((await app.api.GET("/api/me")).data?.response.user.email).toBe(email);
  const replay = await app.api.POST("/api/security/refresh-token", { body: { refresh_token: first.refreshToken! } });
  expect(replay.error?.response.errors).toEqual(["Refresh token is invalid (GEN_MISMATCH)"]);
  const steps = served.slice(from);
  expect(steps).toHaveLength(5);
  // The family's auth tokens died with it, on both instances (asked without the session cookie the login set).
  for (const instance of ["first", "second"]) {
    const tokenOnly = apiClientFor(balancer!.url, () => ({ [PIN_HEADER]: instance }));
    tokenOnly.tokens.authToken = app.tokens.authToken;
    expect((await tokenOnly.api.GET("/api/me")).response.status, instance).toBe(401);
  }
  for (let i = 1; i < steps.length; i++) expect(steps[i], `step ${i} went to the other instance`).not.toBe(steps[i - 1]);
});
