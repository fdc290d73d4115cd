// Not a guarantee: a tool. With SCREENSHOT_DIR set it photographs the activity and sessions pages
// (with failed attempts, another device and the sign-out dialog) at phone and desktop width, light
// and dark, as activity-*.png (issue #16, decision 066).
import { mkdirSync } from "node:fs";
import { expect, newSignedInUser, signIn, test } from "./support/fixtures";

const dir = process.env.SCREENSHOT_DIR;
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

test.skip(!dir, "set SCREENSHOT_DIR to take screenshots");
test.use({ timezoneId: "Europe/Paris" });

test("screenshots of activity and sessions", async ({ browser, playwright, baseURL }) => {
  test.setTimeout(300_000);
  mkdirSync(dir!, { recursive: true });
  const context = await browser.newContext({ timezoneId: "Europe/Paris" });
  const page = await context.newPage();
  const { email, password } = await newSignedInUser(page);
  const stranger = await playwright.request.newContext({ baseURL });
  for (let i = 0; i < 3; i++)
    await stranger.post("/login/session", { data: { identity: email, password: `wrong ${i}` }, headers: { origin: new URL(page.url()).origin } });
  const phone = await browser.newContext({ userAgent: IPHONE });
  const phonePage = await phone.newPage();
  await phonePage.goto("/login");
  await signIn(phonePage, email, password);
  await expect(phonePage).toHaveURL(/\/account$/);
  const state = await context.storageState();
  for (const colorScheme of ["light", "dark"] as const) {
    const viewer = await browser.newContext({ colorScheme, storageState: state, timezoneId: "Europe/Paris" });
    const p = await viewer.newPage();
    for (const width of [1280, 390]) {
      await p.setViewportSize({ width, height: 900 });
      await p.goto("/account/activity");
      await expect(p.getByTestId("activity-zone")).toContainText("Europe/Paris");
      await p.screenshot({ path: `${dir}/activity-activity-${width}-${colorScheme}.png`, fullPage: true });
      await p.goto("/account/sessions");
      await p.screenshot({ path: `${dir}/activity-sessions-${width}-${colorScheme}.png`, fullPage: true });
      await p.getByRole("button", { name: /Sign out Safari/ }).click();
      await expect(p.getByRole("dialog")).toBeVisible();
      await p.screenshot({ path: `${dir}/activity-dialog-${width}-${colorScheme}.png` });
      await p.keyboard.press("Escape");
    }
    await viewer.close();
  }
  await Promise.all([stranger.dispose(), context.close(), phone.close()]);
});
