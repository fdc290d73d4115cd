// Guarantee: the sign-in box shows five controls at first (identity, password, "Sign in", the
// passkey button, "Other ways to sign in"), in that keyboard order; the disclosure opens from the
// keyboard and without JavaScript; "Use a one-time code instead" swaps the password field for the
// code field and its send buttons; remember-me, inside the disclosure, still belongs to the form.
import type { Page } from "@playwright/test";
import { expect, newSignedInUser, openOtherWays, test } from "./support/fixtures";
import { expectAccessibleHere } from "./support/axe";
import { cookieNamed } from "./support/two-factor";

/** The visible controls of the sign-in box by accessible name (the password's show/hide toggle is part of its field). */
async function visibleControls(page: Page): Promise<string[]> {
  return page
    .getByTestId("sign-in-box")
    .evaluate((box) =>
      [...box.querySelectorAll<HTMLElement>("input:not([type=hidden]), button, a[href], summary, select, textarea")]
        .filter((el) => el.checkVisibility() && !el.hasAttribute("aria-controls"))
        .map((el) => (el instanceof HTMLInputElement ? (el.labels?.[0]?.textContent ?? el.name) : (el.textContent ?? "")).trim()),
    );
}

test("five controls at first, in keyboard order; the disclosure opens from the keyboard; the code swap moves focus", async ({ page }) => {
  await page.goto("/login");
  expect(await visibleControls(page)).toEqual(["Email or phone", "Password", "Sign in", "Sign in with a passkey", "Other ways to sign in"]);

  await expect(page.getByLabel("Email")).toBeFocused();
  const order = [
    page.getByLabel("Password", { exact: true }),
    page.getByRole("button", { name: "Show password" }),
    page.getByRole("button", { name: "Sign in", exact: true }),
    page.getByRole("button", { name: "Sign in with a passkey" }),
    page.getByText("Other ways to sign in"),
  ];
  for (const control of order) {
    await page.keyboard.press("Tab");
    await expect(control).toBeFocused();
  }
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("other-ways")).toHaveAttribute("open", "");
  await expectAccessibleHere(page);
  await page.getByText("Other ways to sign in").focus();
  const inside = [
    page.getByRole("button", { name: "Use a one-time code instead" }),
    page.getByRole("link", { name: "Email me a sign-in link" }),
    page.getByRole("button", { name: "Continue with Test ID" }),
    page.getByRole("link", { name: "Forgot your password?" }),
  ];
  for (const control of inside) {
    await page.keyboard.press("Tab");
    await expect(control).toBeFocused();
  }
  await page.getByRole("button", { name: "Use a one-time code instead" }).focus();
  await page.keyboard.press("Enter");
  // The password field is gone, the code field has focus and its send buttons follow it.
  await expect(page.getByLabel("One-time code", { exact: true })).toBeFocused();
  await expect(page.getByLabel("Password", { exact: true })).toHaveCount(0);
  await expect(page.getByTestId("other-ways")).not.toHaveAttribute("open", "");
  await expect(page.getByRole("button", { name: "Text me a code" })).toBeVisible(); // loaded on the swap
  await expectAccessibleHere(page);
  await page.getByLabel("One-time code", { exact: true }).focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Email me a code" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Text me a code" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeFocused();

  // Asking for a code before typing who you are says so under the identity field, once.
  await page.getByRole("button", { name: "Email me a code" }).click();
  await expect(page.getByTestId("identity-error")).toHaveText("Enter your email or phone number first.");
  await expect(page.getByLabel("Email")).toBeFocused();
  await page.getByLabel("Email").fill("someone@example.com");
  await expect(page.getByTestId("identity-error")).toHaveCount(0);

  // And back.
  await openOtherWays(page);
  await page.getByRole("button", { name: "Use your password instead" }).click();
  await expect(page.getByLabel("Password", { exact: true })).toBeFocused();
});

test("empty fields are named under each field before anything is sent", async ({ page }) => {
  await page.goto("/login");
  let posted = false;
  page.on("request", (r) => {
    if (r.url().endsWith("/login/session")) posted = true;
  });
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("identity-error")).toHaveText("Enter your email address.");
  await expect(page.getByTestId("password-error")).toHaveText("Enter your password.");
  await expect(page.getByLabel("Email")).toBeFocused();
  expect(posted).toBe(false);
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the disclosure opens, and its remember-me box is posted with the form", async ({ page, browser }) => {
    const setup = await browser.newContext({ javaScriptEnabled: true });
    const { email, password } = await newSignedInUser(await setup.newPage());
    await setup.close();

    await page.goto("/login");
    await expect(page.getByRole("link", { name: "Forgot your password?" })).toBeHidden();
    await page.getByText("Other ways to sign in").click();
    await expect(page.getByRole("link", { name: "Forgot your password?" })).toBeVisible();
    await page.getByLabel("Keep me signed in on this device").check();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/account$/);
    expect((await cookieNamed(page.context(), "gatehouse.session"))?.expires ?? 0).toBeGreaterThan(Date.now() / 1000 + 7 * 86_400);
  });
});
