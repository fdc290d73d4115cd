import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generate } from "otplib";
import type { APIRequestContext, BrowserContext, Locator, Page } from "@playwright/test";
import { expect, latestEmail, signIn } from "./fixtures";
import { recordSecret } from "./secrets";
import { MAILBOX_HEADERS } from "./server";

/** RFC 6238 as the app uses it: 30-second steps. */
const PERIOD_SECONDS = 30;

const stepOf = (epochSeconds: number) => Math.floor(epochSeconds / PERIOD_SECONDS);
const nowSeconds = () => Math.floor(Date.now() / 1000);

export interface TotpCode {
  code: string;
  /** The 30-s time step the code belongs to (what the server records as used). */
  step: number;
}

/**
 * How far back the first code of a test is: the server accepts a code within ±120 s of its step
 * (SECURITY_TWO_FACTOR_AUTHENTICATOR_VALIDITY, SECURITY_US_TOKEN_VALIDITY) and each step once, so
 * a test starts 60 s back and counts up one step per code: real codes, replay still refused, and
 * no waiting for the app's next 30-s step. 60 s, not 120: the code must still be inside the window
 * when a loaded machine gets round to submitting it.
 */
const STEPS_BACK = 2;

/**
 * A code the authenticator app showed within the validity window: the earliest step not older than
 * STEPS_BACK steps and later than `afterStep` (the step of a code already used: the server accepts
 * each step once). Never a code from the future: when the steps within the window are used up,
 * this waits, like a person watching the app, for the next one.
 */
export async function totpCode(secret: string, options: { afterStep?: number } = {}): Promise<TotpCode> {
  const step = Math.max(stepOf(nowSeconds()) - STEPS_BACK, (options.afterStep ?? 0) + 1);
  const waitMs = step * PERIOD_SECONDS * 1000 - Date.now();
  if (waitMs > PERIOD_SECONDS * 1000 + 1000) throw new Error(`step ${options.afterStep} is in the future; nothing to wait for`);
  // A little past the boundary so the client's step and the server's agree.
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs + 250));
  recordSecret("totp-secret", secret);
  const code = await generate({ secret, epoch: step * PERIOD_SECONDS });
  recordSecret("code", code);
  return { code, step };
}

/**
 * Six digits that are not the code of any step around now (the server accepts ±120 s for the
 * authenticator), so "wrong code" is wrong for certain, not with probability 1 − 10⁻⁶.
 */
export async function wrongTotpCode(secret: string): Promise<string> {
  const now = nowSeconds();
  const valid = new Set<string>();
  for (let offset = -6; offset <= 6; offset++) valid.add(await generate({ secret, epoch: now + offset * PERIOD_SECONDS }));
  let candidate = 123_456;
  while (valid.has(String(candidate).padStart(6, "0"))) candidate = (candidate + 1) % 1_000_000;
  return String(candidate).padStart(6, "0");
}

/** The one whitespace-delimited 6-digit token in an email or SMS text ("…: 123456"). */
export function codeFrom(text: string): string {
  const codes = [...new Set(text.match(/(?<!\S)\d{6}(?!\S)/g) ?? [])];
  if (codes.length !== 1) throw new Error(`expected exactly one 6-digit code, found ${codes.length} in:\n${text}`);
  recordSecret("code", codes[0]);
  return codes[0]!;
}

interface OutboxMessage {
  id: number;
  to: string;
  subject: string | null;
  text: string;
}

async function outbox(request: APIRequestContext, to: string, kind: "email" | "sms"): Promise<OutboxMessage[]> {
  // maxRetries: an idle keep-alive connection the server has just closed is reset (ECONNRESET), not read.
  const response = await request.get(`/dev/mailbox/messages?kind=${kind}&to=${encodeURIComponent(to)}`, { headers: MAILBOX_HEADERS, maxRetries: 2 });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { messages: OutboxMessage[] }).messages;
}

/** Id of the newest email (or SMS) to `to`, 0 if none: pass it as `newerThan` to wait for the next one. */
export async function lastMessageId(request: APIRequestContext, to: string, kind: "email" | "sms" = "email"): Promise<number> {
  return Math.max(0, ...(await outbox(request, to, kind)).map((m) => m.id));
}

/** Waits for the newest text message to `phone` (E.164) newer than `newerThan`. */
export async function latestSms(request: APIRequestContext, phone: string, newerThan = 0): Promise<OutboxMessage> {
  let found: OutboxMessage | undefined;
  await expect
    .poll(
      async () => {
        found = (await outbox(request, phone, "sms")).find((m) => m.id > newerThan);
        return Boolean(found);
      },
      { timeout: 20_000, intervals: [100, 200, 300, 500], message: `SMS to ${phone}` },
    )
    .toBe(true);
  return found!;
}

/** Waits for an email to a shared mailbox (e.g. the helpdesk) that matches `predicate`. */
export async function emailMatching(
  request: APIRequestContext,
  to: string,
  predicate: (message: OutboxMessage) => boolean,
  description: string,
): Promise<OutboxMessage> {
  let found: OutboxMessage | undefined;
  await expect
    .poll(
      async () => {
        found = (await outbox(request, to, "email")).find(predicate);
        return Boolean(found);
      },
      { timeout: 20_000, intervals: [100, 200, 300, 500], message: description },
    )
    .toBe(true);
  return found!;
}

/** The waiting "Two-factor Login" email's code (sent after `newerThan`). */
export async function emailedCode(request: APIRequestContext, email: string, newerThan: number): Promise<{ code: string; id: number }> {
  const mail = await latestEmail(request, email, "Gatehouse: Your sign-in code", newerThan);
  return { code: codeFrom(mail.text), id: mail.id };
}

export async function cookieNamed(context: BrowserContext, suffix: "gatehouse.session" | "gatehouse.device" | "gatehouse.pending") {
  const cookie = (await context.cookies()).find((c) => c.name.endsWith(suffix));
  recordSecret("cookie", cookie?.value);
  return cookie;
}

/** Decodes a QR code image as a phone camera would (zbarimg from zbar-tools) and returns its text. */
export async function scanQrCode(image: Locator): Promise<string> {
  const src = await image.getAttribute("src");
  expect(src, "QR code is an inline PNG").toMatch(/^data:image\/png;base64,/);
  const dir = mkdtempSync(join(tmpdir(), "gatehouse-qr-"));
  try {
    const file = join(dir, "qr.png");
    writeFileSync(file, Buffer.from(src!.slice(src!.indexOf(",") + 1), "base64"));
    return execFileSync("zbarimg", ["-q", "--raw", file], { encoding: "utf8" }).trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Reads step 2 of an authenticator setup the way a user would: scans the QR code, checks the
 * otpauth URI names Gatehouse and the account, and that the typed-in key is the same secret.
 */
export async function scanAuthenticatorSetup(page: Page, email: string): Promise<string> {
  const uri = await scanQrCode(page.getByTestId("totp-qr"));
  const url = new URL(uri);
  expect(url.protocol).toBe("otpauth:");
  expect(url.host).toBe("totp");
  expect(decodeURIComponent(url.pathname)).toBe(`/Gatehouse:${email}`);
  expect(url.searchParams.get("issuer")).toBe("Gatehouse");
  const secret = url.searchParams.get("secret") ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  const key = (await page.getByTestId("totp-key").textContent()) ?? "";
  expect(key).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/); // grouped by four for typing
  expect(key.replace(/\s/g, "")).toBe(secret);
  recordSecret("totp-secret", secret);
  await expect(page.getByRole("link", { name: "Open in authenticator app" })).toHaveAttribute("href", uri);
  return secret;
}

/**
 * Chooses a method in the two-step set-up's chooser (sign-in or account page) and continues. No
 * wait for hydration: a click before it posts the form to the server, which answers with step 2
 * (e2e/forms-without-javascript.spec.ts), as it does for a person on a slow phone.
 */
export async function chooseTwoFactorMethod(page: Page, method: RegExp): Promise<void> {
  await page.getByRole("radio", { name: method }).check();
  await page.getByRole("button", { name: "Continue" }).click();
}

/** On /account/security/two-step: chooses the authenticator and scans the QR code; stops at the code field. */
export async function startAuthenticatorSetup(page: Page, email: string): Promise<string> {
  await page.goto("/account/security/two-step");
  await chooseTwoFactorMethod(page, /Authenticator app/);
  await expect(page.getByTestId("setup-instructions")).toContainText("6-digit code");
  return scanAuthenticatorSetup(page, email);
}

async function expectTurnedOn(page: Page, switching: boolean): Promise<void> {
  await expect(page).toHaveURL(switching ? /notice=TWO_FACTOR_CHANGE_METHOD_SUCCESSFUL/ : /notice=TWO_FACTOR_ENABLED/);
  // The set-up lands on Sign-in & security (SECURITY_TWO_FACTOR_POST_SETUP_VIEW), which names the second step.
  await expect(page.getByTestId("second-step")).not.toContainText("Second step: Off");
}

/** Sets up the authenticator on /account/security/two-step by scanning; returns the secret and the step used. */
export async function setUpAuthenticator(page: Page, email: string): Promise<{ secret: string; step: number }> {
  const secret = await startAuthenticatorSetup(page, email);
  const { code, step } = await totpCode(secret);
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Verify and turn on" }).click();
  await expectTurnedOn(page, false);
  return { secret, step };
}

/** Sets up (or switches to) email codes on /account/security/two-step with the code from the "Two-factor Login" email. */
export async function setUpEmailCodes(page: Page, email: string, options: { switching?: boolean } = {}): Promise<void> {
  const before = await lastMessageId(page.request, email);
  await page.goto("/account/security/two-step");
  await chooseTwoFactorMethod(page, /^Email/);
  await expect(page.getByTestId("setup-instructions")).toContainText(`We sent a code to ${email}`);
  const { code } = await emailedCode(page.request, email, before);
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: options.switching ? "Verify and switch" : "Verify and turn on" }).click();
  await expectTurnedOn(page, Boolean(options.switching));
}

/** Signs out from the site header and opens /login for the next sign-in. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/notice=LOGGED_OUT/);
  await page.goto("/login");
}

/** Password sign-in that must stop at the code page (no session yet). */
export async function signInToSecondStep(page: Page, email: string, password: string, options: { remember?: boolean } = {}): Promise<void> {
  if (page.url() === "about:blank" || new URL(page.url()).pathname !== "/login") await page.goto("/login");
  await signIn(page, email, password, options);
  await expect(page).toHaveURL(/\/login\/two-factor$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Two-step verification");
}

/** Submits a code on /login/two-factor. */
export async function submitSignInCode(page: Page, code: string): Promise<void> {
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
}
