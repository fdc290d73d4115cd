import { randomInt, randomUUID } from "node:crypto";
import { test as base, expect, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { closeSharedDatabase, createConfirmedAccount } from "./accounts";
import { E2E_ADMIN } from "./admin";
import { recordSecret } from "./secrets";
import { E2E_MAILBOX_TOKEN, E2E_METRICS_TOKEN, MAILBOX_HEADERS, serverEnv } from "./server";

/** A fresh client IP per test (sent as X-Forwarded-For), so per-IP rate limits never collide. */
export function randomIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID().slice(0, 12)}@example.com`;
}

/** A passphrase that passes the policy (not common, long enough). */
export function strongPassword(): string {
  const password = `Gatehouse ${randomUUID().slice(0, 8)} passphrase`;
  recordSecret("password", password);
  return password;
}

export const test = base.extend<{ ip: string }, { sharedDatabase: void }>({
  // Closes the pool accounts.ts may have opened in this worker.
  sharedDatabase: [
    async ({}, use) => {
      await use();
      await closeSharedDatabase();
    },
    { scope: "worker", auto: true },
  ],
  ip: async ({}, use) => {
    await use(randomIp());
  },
  page: async ({ page, ip, extraHTTPHeaders }, use) => {
    // Replaces the context's extra headers: keep the configured ones (the mailbox token).
    await page.context().setExtraHTTPHeaders({ ...extraHTTPHeaders, "x-forwarded-for": ip });
    await use(page);
    // Whatever cookies the test ended with (sessions, pending sign-ins, remembered devices).
    await recordCookies(page.context());
  },
});

/** The run's fixed secrets, and the cookies a browser context holds (for the log check). */
export async function recordCookies(context: BrowserContext): Promise<void> {
  recordSecret("config", E2E_ADMIN.password);
  recordSecret("config", E2E_MAILBOX_TOKEN);
  recordSecret("config", E2E_METRICS_TOKEN);
  recordSecret("config", serverEnv.AUTH_SECRET);
  for (const cookie of await context.cookies().catch(() => [])) if (cookie.value.length >= 16) recordSecret("cookie", cookie.value);
}

export { expect };

interface OutboxMessage {
  id: number;
  to: string;
  subject: string | null;
  text: string;
  html: string | null;
}

/** Waits for the newest email to `to` (optionally with a subject) in the dev outbox. */
export async function latestEmail(request: APIRequestContext, to: string, subject?: string, newerThan = 0): Promise<OutboxMessage> {
  let found: OutboxMessage | undefined;
  await expect
    .poll(
      async () => {
        // A dropped keep-alive connection (ECONNRESET) is "not yet", not a failure: poll again.
        const response = await request.get(`/dev/mailbox/messages?to=${encodeURIComponent(to)}`, { headers: MAILBOX_HEADERS, maxRetries: 2 }).catch(() => null);
        if (!response?.ok()) return false;
        const { messages } = (await response.json()) as { messages: OutboxMessage[] };
        found = messages.find((m) => m.id > newerThan && (!subject || m.subject === subject));
        return Boolean(found);
      },
      // The poll starts as the form is sent: the flow's answer, then its after-the-answer work
      // (lib/security/core/after-the-answer.ts), come first — seconds on a loaded CI machine.
      { timeout: 20_000, intervals: [100, 200, 300, 500], message: `email to ${to}${subject ? ` (${subject})` : ""}` },
    )
    .toBe(true);
  return found!;
}

export async function emailCount(request: APIRequestContext, to: string): Promise<number> {
  const response = await request.get(`/dev/mailbox/messages?to=${encodeURIComponent(to)}`, { headers: MAILBOX_HEADERS, maxRetries: 2 });
  return ((await response.json()) as { messages: OutboxMessage[] }).messages.length;
}

/** The first link in an email's text that points at `pathPrefix` (e.g. "/confirm/"). */
export function linkFrom(text: string, pathPrefix: string): string {
  const match = text.match(new RegExp(`https?://[^\\s)\\]]+${pathPrefix.replace(/\//g, "\\/")}[A-Za-z0-9_-]+`));
  if (!match) throw new Error(`no ${pathPrefix} link in:\n${text}`);
  const pathname = new URL(match[0]).pathname;
  recordSecret("link-token", pathname.slice(pathname.lastIndexOf("/") + 1));
  return pathname;
}

export async function register(page: Page, email: string, password: string): Promise<void> {
  recordSecret("password", password);
  await page.goto("/register");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Confirm password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/register\/check-email/);
}

export async function signIn(page: Page, email: string, password: string, options: { remember?: boolean } = {}): Promise<void> {
  recordSecret("password", password);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  if (options.remember) {
    await openOtherWays(page);
    await page.getByLabel("Keep me signed in on this device").check();
  }
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Opens "Other ways to sign in" (/login) or "Use another way" (/verify) when the page has it closed. */
export async function openOtherWays(page: Page): Promise<void> {
  const details = page.getByTestId("other-ways");
  if (!(await details.count())) return;
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator("summary").click();
}

/** Unified sign-in: "Use a one-time code instead" swaps the password field for the code field and its send buttons. */
export async function switchToCode(page: Page): Promise<void> {
  await openOtherWays(page);
  await page.getByRole("button", { name: "Use a one-time code instead" }).click();
  await expect(page.getByLabel("One-time code", { exact: true })).toBeFocused();
}

/**
 * Opens an emailed confirmation link and presses its button (opening alone confirms nothing: mail
 * scanners fetch links). Ends on /login with the outcome as a notice.
 */
export async function confirmByLink(page: Page, path: string): Promise<void> {
  await page.goto(path);
  // A used, expired or invalid link redirects at once with its notice; a good one shows the button.
  if (new URL(page.url()).pathname.startsWith("/confirm/")) await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page).toHaveURL(/\/login\?notice=|\/confirm\?notice=/);
}

/**
 * A new confirmed account, signed in; ends on /account. Against the suite's PostgreSQL the account
 * is made by the core and signs in with the request the sign-in form sends (e2e/support/accounts.ts
 * and docs/decisions/024: registration and the sign-in form have their own specs, and going through
 * their pages and mail cost every other test seconds); elsewhere it registers, confirms through the
 * emailed link and signs in on the page.
 */
export async function newSignedInUser(page: Page, options: { remember?: boolean } = {}): Promise<{ email: string; password: string }> {
  const email = uniqueEmail();
  const password = strongPassword();
  // Which server the page's base URL is (the main one, a spec's own instance, the load balancer).
  const origin = new URL((await page.request.get("/api/health", { maxRetries: 2 })).url()).origin;
  if (await createConfirmedAccount(origin, email, password)) {
    // maxRetries: a reused keep-alive connection the server closed while idle (its 5-s timeout) is
    // reset before the request is read (ECONNRESET); Playwright then sends it again on a new one.
    const answer = await page.request.post("/login/session", {
      data: { identity: email, password, remember: Boolean(options.remember) },
      headers: { origin },
      maxRetries: 2,
    });
    expect(answer.status(), await answer.text()).toBe(200);
    expect(await answer.json()).toEqual({ redirectTo: "/account" });
    await page.goto("/account");
  } else {
    await register(page, email, password);
    const mail = await latestEmail(page.request, email, "Gatehouse: Welcome");
    await confirmByLink(page, linkFrom(mail.text, "/confirm/"));
    await expect(page).toHaveURL(/\/login\?notice=EMAIL_CONFIRMED/);
    await signIn(page, email, password, options);
  }
  await expect(page).toHaveURL(/\/account$/);
  return { email, password };
}
