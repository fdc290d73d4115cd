// Guarantees of the hardening pass, end to end in a browser:
// - an account registered by someone else before its owner is theirs after the owner's reset (its
//   pre-confirmation passkey gone, its sessions ended);
// - two browsers signing in to one account at once each finish their own second factor;
// - required two-factor applies to an SMS-code sign-in and to a session that predates the requirement;
// - next-auth's session endpoint does not re-issue (and extend) the session cookie.
import {
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
} from "./support/fixtures";
import { startInstance, type Instance } from "./support/instance";
import { addPasskey, addVirtualAuthenticator, disablePasskeyAutofill } from "./support/passkeys";
import { PRE_CONFIRMATION_PORT, REQUIRED_TWO_FACTOR_PORT, serverEnv } from "./support/server";
import { codeFrom, cookieNamed, lastMessageId, latestSms, setUpAuthenticator, signOut, submitSignInCode, totpCode } from "./support/two-factor";

test.describe.configure({ mode: "serial" });

test.describe("pre-hijacking", () => {
  let instance: Instance | undefined;
  test.beforeAll(async () => {
    // Signing in before confirming is what lets a squatter add a passkey to someone else's address.
    instance = await startInstance(PRE_CONFIRMATION_PORT, { SECURITY_LOGIN_WITHOUT_CONFIRMATION: "true" });
  });
  test.afterAll(() => instance?.stop());

  test("the owner's reset removes the passkey the squatter added before confirmation and ends the squatter's session", async ({ browser }) => {
    // The squatter registers the owner's address, signs in unconfirmed and adds a passkey.
    const email = uniqueEmail("squatted");
    const attacker = await browser.newContext({ baseURL: instance!.url, extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
    const a = await attacker.newPage();
    await disablePasskeyAutofill(a);
    await addVirtualAuthenticator(a);
    const attackerPassword = strongPassword();
    await a.goto("/register");
    await a.getByLabel("Email").fill(email);
    await a.getByLabel("Password", { exact: true }).fill(attackerPassword);
    await a.getByLabel("Confirm password").fill(attackerPassword);
    await a.getByRole("button", { name: "Create account" }).click();
    await expect(a).toHaveURL(/\/account$/);
    await addPasskey(a, "Squatter laptop");

    // The owner arrives: registering answers as for a new address, and the mail offers a take-over.
    const owner = await browser.newContext({ baseURL: instance!.url, extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
    const o = await owner.newPage();
    const before = await lastMessageId(o.request, email);
    await register(o, email, strongPassword());
    const notice = await latestEmail(o.request, email, "Gatehouse: You already have an account", before);
    expect(notice.text).not.toContain("/confirm/");
    await o.goto(linkFrom(notice.text, "/reset-password/"));
    const ownerPassword = strongPassword();
    await o.getByLabel("New password", { exact: true }).fill(ownerPassword);
    await o.getByLabel("Confirm new password").fill(ownerPassword);
    await o.getByRole("button", { name: "Set new password" }).click();
    await expect(o).toHaveURL(/notice=PASSWORD_RESET_NO_LOGIN/);
    const resetNotice = await latestEmail(o.request, email, "Gatehouse: Your password was reset");
    expect(resetNotice.text).toContain('the passkey "Squatter laptop"');

    // The squatter is out: their session ended, their passkey is gone.
    await a.goto("/account");
    await expect(a).toHaveURL(/\/login/);
    await a.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect(a.getByTestId("form-message")).toHaveText("We don't recognise this passkey. Try another one or sign in another way.");

    // The owner signs in and finds no passkeys; the address is confirmed.
    await signIn(o, email, ownerPassword);
    await expect(o).toHaveURL(/\/account$/);
    await expect(o.getByRole("main")).toContainText("Confirmed");
    await o.goto("/account/security/passkeys");
    await expect(o.getByTestId("passkey-list")).toHaveCount(0);
    await attacker.close();
    await owner.close();
  });
});

test("two browsers signing in to one account at once each finish their own second factor", async ({ page, browser }) => {
  const { email, password } = await newSignedInUser(page);
  const { secret, step } = await setUpAuthenticator(page, email);
  await signOut(page);
  const phone = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const p2 = await phone.newPage();
  await page.goto("/login");
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/login\/two-factor$/);
  await p2.goto("/login");
  await signIn(p2, email, password);
  await expect(p2).toHaveURL(/\/login\/two-factor$/);
  // The laptop, which started first, finishes first; then the phone with the next code.
  const first = await totpCode(secret, { afterStep: step });
  await submitSignInCode(page, first.code);
  await expect(page).toHaveURL(/\/account$/);
  await submitSignInCode(p2, (await totpCode(secret, { afterStep: first.step })).code);
  await expect(p2).toHaveURL(/\/account$/);
  await phone.close();
});

test("next-auth's session endpoint does not touch the session cookie", async ({ page }) => {
  await newSignedInUser(page);
  const before = await cookieNamed(page.context(), "gatehouse.session");
  expect(before?.expires).toBe(-1); // a browser-session cookie ("keep me signed in" off)
  const response = await page.request.get("/api/auth/session");
  expect(response.status()).toBe(404);
  expect(response.headers()["set-cookie"]).toBeUndefined();
  const after = await cookieNamed(page.context(), "gatehouse.session");
  expect(after?.value).toBe(before?.value);
  expect(after?.expires).toBe(-1);
});

test.describe("required two-factor after any first factor", () => {
  test.skip(!process.env.E2E_DATABASE_URL, "needs a second instance sharing PostgreSQL (E2E_DATABASE_URL)");
  let required: Instance | undefined;
  test.beforeAll(async () => {
    // The same database as the main instance, but two-factor required of everyone.
    required = await startInstance(REQUIRED_TWO_FACTOR_PORT, { ...serverEnv, SECURITY_TWO_FACTOR_REQUIRED: "true" });
  });
  test.afterAll(() => required?.stop());

  test("a one-factor session steps up on its next request, and an SMS-code sign-in lands on two-factor set-up", async ({ page, browser }) => {
    // Signed in on the main instance (no requirement there) with a texted code as a sign-in method.
    const { email } = await newSignedInUser(page);
    const phone = `+1415555${String(1000 + Math.floor(Math.random() * 9000))}`;
    await page.goto("/account/security/sign-in-codes");
    await page.getByRole("button", { name: "Set up Text message codes" }).click();
    await page.getByLabel("Phone number").fill(phone);
    const sent = await lastMessageId(page.request, phone, "sms");
    await page.getByRole("button", { name: "Send code" }).click();
    await page.getByLabel("Code", { exact: true }).fill(codeFrom((await latestSms(page.request, phone, sent)).text));
    await page.getByRole("button", { name: "Verify and add" }).click();
    await expect(page).toHaveURL(/notice=US_SETUP_SUCCESSFUL/);

    // The same browser (cookies are per host, not per port) on the instance that requires two-factor.
    await page.goto(`${required!.url}/account`);
    await expect(page).toHaveURL(/\/login\/two-factor\/required/);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(/\/login\/two-factor\/setup$/);

    // A new browser signs in there with a texted code: set-up, not a session.
    const other = await browser.newContext({ baseURL: required!.url, extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
    const p2 = await other.newPage();
    await p2.goto("/login");
    await p2.getByLabel("Email").fill(email);
    const before = await lastMessageId(p2.request, phone, "sms");
    await switchToCode(p2);
    await p2.getByRole("button", { name: "Text me a code" }).click();
    await expect(p2.getByTestId("form-message")).toBeVisible();
    await p2.getByLabel("One-time code", { exact: true }).fill(codeFrom((await latestSms(p2.request, phone, before)).text));
    await p2.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(p2).toHaveURL(/\/login\/two-factor\/setup$/);
    expect(await cookieNamed(other, "gatehouse.session")).toBeUndefined();
    await other.close();
  });
});
