// Guarantee: a sign-in from a browser that never signed in to the account mails its owner (time,
// device, IP, links); the browser that signed in before signs in again without a mail.
import type { APIRequestContext } from "@playwright/test";
import { expect, latestEmail, newSignedInUser, randomIp, signIn, test } from "./support/fixtures";
import { MAILBOX_HEADERS } from "./support/server";
import { signOut } from "./support/two-factor";

test.describe.configure({ timeout: 120_000 });

const SUBJECT = "Gatehouse: New sign-in to your account";

/** Reading the mailbox delivers whatever is queued first, so a count read after the answer is final. */
async function alertCount(request: APIRequestContext, to: string): Promise<number> {
  const response = await request.get(`/dev/mailbox/messages?to=${encodeURIComponent(to)}`, { headers: MAILBOX_HEADERS, maxRetries: 2 });
  const { messages } = (await response.json()) as { messages: { subject: string | null }[] };
  return messages.filter((m) => m.subject === SUBJECT).length;
}

test("a second browser signing in gets the owner an alert; the first browser's next sign-in does not", async ({ page, browser }) => {
  const { email, password } = await newSignedInUser(page);
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("gatehouse.known-device"));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  expect(await alertCount(page.request, email)).toBe(0);

  const ip = randomIp();
  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": ip } });
  const elsewhere = await other.newPage();
  await elsewhere.goto("/login");
  await signIn(elsewhere, email, password);
  await expect(elsewhere).toHaveURL(/\/account$/);
  const alert = await latestEmail(page.request, email, SUBJECT);
  expect(alert.text).toContain(ip);
  expect(alert.text).toMatch(/Device: Chrome \d+ on \w+/);
  expect(alert.text).toMatch(/https?:\/\/\S+\/account\/sessions/);
  await other.close();

  await signOut(page);
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/account$/);
  expect(await alertCount(page.request, email)).toBe(1);
});
