// Guarantee: with SECURITY_REDIRECT_BEHAVIOR=spa the emailed confirmation and reset links, opened in
// a browser, land on the single-page app's configured views (on SECURITY_REDIRECT_HOST) with the
// reference's parameters; the app finishes the reset through the JSON API; a used link lands on the error view.
import { createServer, type Server } from "node:http";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { expect, latestEmail, linkFrom, randomIp, strongPassword, test, uniqueEmail } from "./support/fixtures";
import { startInstance, type Instance } from "./support/instance";
import { MAILBOX_HEADERS, SPA_PORTS } from "./support/server";

test.describe.configure({ mode: "serial" });

const [SPA_PORT, API_PORT] = SPA_PORTS;
let spa: Server;
let instance: Instance;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The single-page app's stand-in: every view shows its path and query parameters. */
function startSpa(): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://localhost:${SPA_PORT}`);
    const params = [...url.searchParams].map(([k, v]) => `<dt>${escape(k)}</dt><dd data-testid="param-${escape(k)}">${escape(v)}</dd>`).join("");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><title>SPA</title><h1 data-testid="view">${escape(url.pathname)}</h1><dl>${params}</dl>`);
  });
  return new Promise((resolve) => server.listen(SPA_PORT, "127.0.0.1", () => resolve(server)));
}

test.beforeAll(async () => {
  spa = await startSpa();
  instance = await startInstance(API_PORT, {
    SECURITY_REDIRECT_BEHAVIOR: "spa",
    SECURITY_REDIRECT_HOST: `localhost:${SPA_PORT}`,
    SECURITY_POST_CONFIRM_VIEW: "/confirmed",
    SECURITY_CONFIRM_ERROR_VIEW: "/confirm-error",
    SECURITY_RESET_VIEW: "/reset",
    SECURITY_RESET_ERROR_VIEW: "/reset-error",
  });
});
test.afterAll(async () => {
  instance?.stop();
  await new Promise((resolve) => spa?.close(resolve));
});

/** A client of the JSON API (the SPA's calls, from Node): its own address, the mailbox token. */
function apiClient(): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: instance.url, extraHTTPHeaders: { ...MAILBOX_HEADERS, "x-forwarded-for": randomIp() } });
}

test("a confirmation link lands on POST_CONFIRM_VIEW with the address; used again, on CONFIRM_ERROR_VIEW", async ({ page }) => {
  const api = await apiClient();
  const email = uniqueEmail("spa-confirm");
  const password = strongPassword();
  const registered = await api.post("/api/security/register", { data: { email, password, password_confirm: password } });
  expect(registered.status()).toBe(200);
  const link = linkFrom((await latestEmail(api, email, "Gatehouse: Welcome")).text, "/api/security/confirm/");

  await page.goto(`${instance.url}${link}`);
  await expect(page).toHaveURL(new RegExp(`^http://localhost:${SPA_PORT}/confirmed\\?`));
  await expect(page.getByTestId("param-email")).toHaveText(email);
  await expect(page.getByTestId("param-identity")).toHaveText(email);
  await expect(page.getByTestId("param-info")).toHaveText("Thank you. Your email has been confirmed.");

  await page.goto(`${instance.url}${link}`);
  await expect(page).toHaveURL(new RegExp(`^http://localhost:${SPA_PORT}/confirm-error\\?`));
  await expect(page.getByTestId("param-email")).toHaveCount(0);
  await expect(page.locator("dt")).toHaveCount(1);
  await api.dispose();
});

test("a reset link lands on RESET_VIEW with its token; the app resets through the API; used again, on RESET_ERROR_VIEW", async ({ page }) => {
  const api = await apiClient();
  const email = uniqueEmail("spa-reset");
  const password = strongPassword();
  expect((await api.post("/api/security/register", { data: { email, password, password_confirm: password } })).status()).toBe(200);
  const confirm = linkFrom((await latestEmail(api, email, "Gatehouse: Welcome")).text, "/api/security/confirm/");
  await page.goto(`${instance.url}${confirm}`);
  await expect(page.getByTestId("view")).toHaveText("/confirmed");

  expect((await api.post("/api/security/reset", { data: { email } })).status()).toBe(200);
  const link = linkFrom((await latestEmail(api, email, "Gatehouse: Reset your password")).text, "/api/security/reset/");
  await page.goto(`${instance.url}${link}`);
  await expect(page).toHaveURL(new RegExp(`^http://localhost:${SPA_PORT}/reset\\?token=`));
  const token = await page.getByTestId("param-token").innerText();

  // The view's form, as the app would send it.
  const newPassword = strongPassword();
  const reset = await api.post(`/api/security/reset/${token}`, { data: { password: newPassword, password_confirm: newPassword } });
  expect(reset.status()).toBe(200);
  const signedIn = await api.post("/api/security/login", { data: { email, password: newPassword } });
  expect(signedIn.status()).toBe(200);
  expect((await api.post("/api/security/login", { data: { email, password } })).status(), "the old password no longer works").toBe(400);

  await page.goto(`${instance.url}${link}`);
  await expect(page).toHaveURL(new RegExp(`^http://localhost:${SPA_PORT}/reset-error\\?error=`));
  await expect(page.getByTestId("param-token")).toHaveCount(0);
  await api.dispose();
});
