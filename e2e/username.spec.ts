// Guarantee: with usernames on, a username can be chosen and changed (the old one stops signing in
// at once), and a forgotten one is emailed from the page the sign-in form links to.
import type { Browser, Page } from "@playwright/test";
import { expectAccessibleHere } from "./support/axe";
import { confirmByLink, expect, latestEmail, linkFrom, randomIp, strongPassword, test, uniqueEmail, openOtherWays } from "./support/fixtures";
import { startInstance, type Instance } from "./support/instance";
import { E2E_PORT } from "./support/server";
import { signOut } from "./support/two-factor";

// One instance on a fixed port, owned by one worker.
test.describe.configure({ mode: "serial", timeout: 180_000 });

let instance: Instance;

test.beforeAll(async () => {
  instance = await startInstance(E2E_PORT + 20, { SECURITY_USERNAME_ENABLE: "true" });
});
test.afterAll(() => instance?.stop());

async function openPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: instance.url, extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  return context.newPage();
}

const uniqueName = (): string => `ada${crypto.randomUUID().replaceAll("-", "").slice(0, 10)}`;

async function signInAs(page: Page, identity: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email, username or phone").fill(identity);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("choose and change a username; the old one stops signing in; recover it by email", async ({ browser }) => {
  const page = await openPage(browser);
  const email = uniqueEmail("named");
  const password = strongPassword();
  await page.goto("/register");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Confirm password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/register\/check-email/);
  await confirmByLink(page, linkFrom((await latestEmail(page.request, email, "Gatehouse: Welcome")).text, "/confirm/"));
  await signInAs(page, email, password);
  await expect(page).toHaveURL(/\/account$/);

  await page.getByRole("link", { name: "Choose a username" }).click();
  await expect(page).toHaveURL(/\/account\/username$/);
  await expectAccessibleHere(page);
  await page.getByLabel("Username", { exact: true }).fill("<b>me</b>");
  await page.getByRole("button", { name: "Save username" }).click();
  await expect(page.getByTestId("username-error")).toHaveText("That username contains characters we can't accept.");
  const first = uniqueName();
  await page.getByLabel("Username", { exact: true }).fill(first);
  await page.getByRole("button", { name: "Save username" }).click();
  await expect(page).toHaveURL(/\/account\?notice=USERNAME_CHANGE/);
  await expect(page.getByRole("main")).toContainText(first);

  const second = uniqueName();
  await page.getByRole("link", { name: "Change username" }).click();
  await page.getByLabel("Username", { exact: true }).fill(second);
  await page.getByRole("button", { name: "Save username" }).click();
  await expect(page).toHaveURL(/\/account\?notice=USERNAME_CHANGE/);
  const notice = await latestEmail(page.request, email, "Gatehouse: Your username was changed");
  expect(notice.text).toContain(second);

  await signOut(page);
  await signInAs(page, first, password);
  await expect(page.getByTestId("form-message")).toBeVisible();
  await signInAs(page, second, password);
  await expect(page).toHaveURL(/\/account$/);
  await signOut(page);

  await openOtherWays(page);
  await page.getByRole("link", { name: "Forgot your username?" }).click();
  await expect(page).toHaveURL(/\/recover-username$/);
  await expectAccessibleHere(page);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me my username" }).click();
  await expect(page).toHaveURL(/\/login\?notice=USERNAME_RECOVERY_REQUEST/);
  await expect(page.getByTestId("notice")).toHaveText("If that address has an account, we've emailed it the username.");
  const recovered = await latestEmail(page.request, email, "Gatehouse: Your username");
  expect(recovered.text).toContain(`Your username is: ${second}`);
  await page.context().close();
});
