// Guarantee: one Sign-in & security page says how the account signs in and how strongly it is
// protected, and the level follows real set-ups (an authenticator proven by its TOTP code, a passkey
// from a WebAuthn ceremony, recovery codes); the four pages it replaced redirect there permanently,
// their query kept, and the redirect never reaches a page without its guard.
import type { Page } from "@playwright/test";
import { expectAccessibleHere } from "./support/axe";
import { expect, newSignedInUser, test } from "./support/fixtures";
import { addPasskey, addVirtualAuthenticator } from "./support/passkeys";
import { chooseTwoFactorMethod, scanAuthenticatorSetup, totpCode } from "./support/two-factor";

test.describe.configure({ timeout: 120_000 });

const MOVED = [
  ["/account/two-factor", "/account/security/two-step"],
  ["/account/sign-in-methods", "/account/security/sign-in-codes"],
  ["/account/passkeys", "/account/security/passkeys"],
  ["/account/recovery-codes", "/account/security/recovery-codes"],
] as const;

/** With SCREENSHOT_DIR set, photographs the page at desktop and phone width, light and dark. */
async function screenshots(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${dir}/security-${name}-${width}-${colorScheme}.png`, fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 720 });
}

test("the level rises from password only to two-step verification to passkey as things are set up", async ({ page }) => {
  await addVirtualAuthenticator(page);
  const { email } = await newSignedInUser(page);
  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign-in & security" }).click();
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign-in & security");
  const level = page.getByTestId("protection-level-title");
  await expect(level).toHaveText("Password only");
  await expect(page.getByTestId("second-step")).toContainText("Second step: Off");
  await expect(page.getByTestId("sign-in-method-password")).toContainText("Set");
  await expect(page.getByTestId("security-way-authenticator")).toContainText("Not set up");
  await expectAccessibleHere(page);
  await screenshots(page, "password-only");

  // The authenticator's row opens its set-up with the app already chosen; a real TOTP code proves it.
  const app = page.getByTestId("security-way-authenticator");
  await app.getByRole("link", { name: "Use as second step" }).click();
  await expect(page).toHaveURL(/\/account\/security\/two-step\?method=authenticator$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Two-step verification");
  await expect(page.getByRole("radio", { name: /Authenticator app/ })).toBeChecked();
  await chooseTwoFactorMethod(page, /Authenticator app/);
  const secret = await scanAuthenticatorSetup(page, email);
  await page.getByLabel("Code", { exact: true }).fill((await totpCode(secret)).code);
  await page.getByRole("button", { name: "Verify and turn on" }).click();
  await expect(page).toHaveURL(/\/account\/security\?notice=TWO_FACTOR_ENABLED$/);
  await expect(level).toHaveText("Two-step verification on");
  await expect(page.getByTestId("second-step")).toContainText("Second step: Authenticator app");
  await expect(app).toContainText("Asked for as your second step");
  // The same app can sign in without a password too: the row offers it where the settings allow.
  await expect(app.getByRole("link", { name: "Also sign in with it (authenticator app)" })).toHaveAttribute("href", "/account/security/sign-in-codes");

  // A passkey to sign in with, made by the browser's authenticator: now the strongest level.
  await addPasskey(page, "Work laptop");
  await page.getByRole("link", { name: "Sign-in & security" }).first().click();
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(level).toHaveText("Passkey: strongest");
  await expect(page.getByTestId("security-way-passkeys")).toContainText("1 passkey to sign in with");

  // Recovery codes, from the card: generated once, counted on the overview.
  const codes = page.getByTestId("security-recovery-codes");
  await expect(codes).toContainText("None yet");
  await codes.getByRole("link", { name: "Get recovery codes" }).click();
  await expect(page).toHaveURL(/\/account\/security\/recovery-codes$/);
  await page.getByRole("button", { name: "Generate recovery codes" }).click();
  await expect(page.getByTestId("recovery-codes").locator("code")).toHaveCount(5);
  await page.goto("/account/security");
  await expect(codes).toContainText("5 of 5 left");
  await expectAccessibleHere(page);
  await screenshots(page, "passkey");
});

test("the old pages redirect permanently with their query, and the new page keeps the guard", async ({ page }) => {
  for (const [from, to] of MOVED) {
    for (const suffix of ["", "?notice=TWO_FACTOR_ENABLED&x=1"]) {
      const answer = await page.request.get(`${from}${suffix}`, { maxRedirects: 0 });
      expect(answer.status(), from).toBe(308);
      const location = new URL(answer.headers()["location"] ?? "", "http://any.test");
      expect(`${location.pathname}${location.search}`).toBe(`${to}${suffix}`);
    }
  }
  // Anonymous: the redirect leads to the new page, whose rule sends the visitor to sign in first.
  await page.goto("/account/passkeys");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount%2Fsecurity%2Fpasskeys$/);

  await newSignedInUser(page);
  await page.goto("/account/sign-in-methods?notice=US_SETUP_SUCCESSFUL");
  await expect(page).toHaveURL(/\/account\/security\/sign-in-codes\?notice=US_SETUP_SUCCESSFUL$/);
  await expect(page.getByTestId("notice")).toContainText("Your sign-in method is set up.");
  await page.goto("/account/two-factor");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Two-step verification");
});
