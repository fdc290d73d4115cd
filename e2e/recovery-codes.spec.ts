// Guarantee: recovery codes are shown once, each finishes one sign-in (typed in any case) and tells
// the owner; a new set voids the old one, and a recovery-code sign-in never remembers the device.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, latestEmail, newSignedInUser, test } from "./support/fixtures";
import { cookieNamed, lastMessageId, setUpAuthenticator, signInToSecondStep, signOut } from "./support/two-factor";
import { recordedSecrets } from "./support/secrets";

const CODE_FORMAT = /^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/;

/** Generates (or regenerates, through the confirmation) the user's codes and reads them off the page. */
async function generateCodes(page: Page): Promise<string[]> {
  await page.goto("/account/security/recovery-codes");
  const regenerate = page.getByRole("button", { name: "Generate new codes" });
  if (await regenerate.isVisible()) {
    await regenerate.click();
    await expect(page.getByTestId("generate-confirmation")).toContainText("Your current codes will stop working.");
    await page.getByRole("button", { name: "Yes, generate new codes" }).click();
  } else {
    await page.getByRole("button", { name: "Generate recovery codes" }).click();
  }
  const list = page.getByTestId("recovery-codes");
  await expect(list.locator("code")).toHaveCount(5);
  return recordedSecrets("recovery-code", await list.locator("code").allTextContents());
}

async function useRecoveryCode(page: Page, code: string): Promise<void> {
  await page.getByRole("textbox", { name: "Recovery code" }).fill(code);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

async function openRecoveryPage(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Use a recovery code" }).click();
  await expect(page).toHaveURL(/\/login\/two-factor\/recovery$/);
}

/** A well-formed code that is not one of `codes`. */
function otherCode(codes: string[]): string {
  for (;;) {
    const code = (randomBytes(6).toString("hex").match(/.{4}/g) ?? []).join("-");
    if (!codes.includes(code)) return code;
  }
}

test("generating shows five one-time codes once, in the documented format", async ({ page }) => {
  const { email } = await newSignedInUser(page);
  await setUpAuthenticator(page, email);
  await page.goto("/account/security/recovery-codes");
  await expect(page.getByTestId("recovery-codes-status")).toHaveText("No recovery codes yet");

  const codes = await generateCodes(page);
  for (const code of codes) expect(code).toMatch(CODE_FORMAT);
  expect(new Set(codes).size).toBe(5);
  await expect(page.getByTestId("recovery-codes-status")).toHaveText("5 of 5 codes left");

  // Shown once: a reload offers a new set, never the same codes again.
  await page.reload();
  await expect(page.getByTestId("recovery-codes")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Generate new codes" })).toBeVisible();
  for (const code of codes) await expect(page.getByText(code)).toHaveCount(0);
  await expect(page.getByTestId("recovery-codes-status")).toHaveText("5 of 5 codes left");
});

test("a recovery code signs in once, typed in upper case; a wrong one is refused; the owner is told", async ({ page }) => {
  const { email, password } = await newSignedInUser(page);
  await setUpAuthenticator(page, email);
  const codes = await generateCodes(page);
  await signOut(page);

  await signInToSecondStep(page, email, password);
  await openRecoveryPage(page);
  await useRecoveryCode(page, otherCode(codes));
  await expect(page.getByTestId("code-error")).toHaveText("That recovery code is not valid.");
  expect(await cookieNamed(page.context(), "gatehouse.session")).toBeUndefined();

  const before = await lastMessageId(page.request, email);
  await useRecoveryCode(page, codes[0]!.toUpperCase());
  await expect(page).toHaveURL(/\/account$/);
  const mail = await latestEmail(page.request, email, "Gatehouse: A recovery code was used", before);
  expect(mail.text).toMatch(/You have\s+4\s+unused\s+codes\s+left/);
  await page.goto("/account/security/recovery-codes");
  await expect(page.getByTestId("recovery-codes-status")).toHaveText("4 of 5 codes left");
  await signOut(page);

  // Spent: the same code does not work a second time.
  await signInToSecondStep(page, email, password);
  await openRecoveryPage(page);
  await useRecoveryCode(page, codes[0]!);
  await expect(page.getByTestId("code-error")).toHaveText("That recovery code is not valid.");
  await expect(page).toHaveURL(/\/login\/two-factor\/recovery$/);
  expect(await cookieNamed(page.context(), "gatehouse.session")).toBeUndefined();
});

test("generating a new set voids every old code", async ({ page }) => {
  const { email, password } = await newSignedInUser(page);
  await setUpAuthenticator(page, email);
  const oldCodes = await generateCodes(page);
  const newCodes = await generateCodes(page);
  await expect(page.getByTestId("form-message")).toContainText("New recovery codes created. Your old codes no longer work.");
  expect(newCodes.filter((c) => oldCodes.includes(c))).toEqual([]);
  await signOut(page);

  await signInToSecondStep(page, email, password);
  await openRecoveryPage(page);
  await useRecoveryCode(page, oldCodes[1]!); // never used, but replaced
  await expect(page.getByTestId("code-error")).toHaveText("That recovery code is not valid.");
  await useRecoveryCode(page, newCodes[1]!);
  await expect(page).toHaveURL(/\/account$/);
});

test("a recovery-code sign-in with keep me signed in does not remember the device", async ({ page }) => {
  const { email, password } = await newSignedInUser(page);
  await setUpAuthenticator(page, email);
  const codes = await generateCodes(page);
  await signOut(page);

  await signInToSecondStep(page, email, password, { remember: true });
  await openRecoveryPage(page);
  await useRecoveryCode(page, codes[2]!);
  await expect(page).toHaveURL(/\/account$/);
  const session = await cookieNamed(page.context(), "gatehouse.session");
  expect(session?.expires ?? 0).toBeGreaterThan(Date.now() / 1000 + 86_400); // remember-me itself was honoured
  expect(await cookieNamed(page.context(), "gatehouse.device")).toBeUndefined();

  await signOut(page);
  await signInToSecondStep(page, email, password, { remember: true });
  expect(await cookieNamed(page.context(), "gatehouse.session")).toBeUndefined();
});
