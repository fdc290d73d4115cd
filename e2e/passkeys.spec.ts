// Guarantee: passkeys can be added, listed, renamed and removed (fresh session, emails sent),
// and sign a user in without an email (button and autofill), as a second factor after a
// password, and for re-verification — with a real WebAuthn ceremony (CDP virtual authenticator).
import { expect, latestEmail, newSignedInUser, randomIp, signIn, test, openOtherWays } from "./support/fixtures";
import { addPasskey, addVirtualAuthenticator, disablePasskeyAutofill } from "./support/passkeys";
import { setUpEmailCodes, signOut } from "./support/two-factor";

test("add a passkey, see it listed, then sign in with it and no email", async ({ page }) => {
  // A browser without passkey autofill, so the button is what signs in.
  await disablePasskeyAutofill(page);
  const authenticator = await addVirtualAuthenticator(page);
  const { email } = await newSignedInUser(page);
  await addPasskey(page, "Work laptop");
  await expect(page.getByTestId("notice")).toContainText("Your passkey was added.");
  const item = page.getByTestId("passkey-item");
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("Work laptop");
  await expect(item).toContainText("Sign in");
  await expect(item).toContainText("never used");
  await expect(item).toContainText("via this device");
  expect((await authenticator.credentials())[0]?.isResidentCredential).toBe(true);
  await latestEmail(page.request, email, "Gatehouse: A passkey was added to your account");

  await signOut(page);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/account/activity");
  await expect(page.getByTestId("activity-list")).toContainText("Passkey added");
  await page.goto("/account/security/passkeys");
  await expect(page.getByTestId("passkey-item")).toContainText("last used");
});

test("passkey autofill in the email field signs in", async ({ page }) => {
  await addVirtualAuthenticator(page);
  await newSignedInUser(page);
  await addPasskey(page, "Phone");
  await page.context().clearCookies();
  // The page arms a conditional request on load; the focused email field's passkey suggestion
  // (which the virtual authenticator picks by itself) completes it — no button is pressed.
  const finished = page.waitForRequest((r) => r.method() === "POST" && new URL(r.url()).pathname === "/login");
  await page.goto("/login");
  await finished;
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/account/activity");
  await expect(page.getByTestId("activity-list")).toContainText("Signed in");
});

test("a second-factor passkey is asked for after the password; with two methods the user chooses", async ({ page }) => {
  // A USB security key without user verification: possession only, so never a first factor.
  await addVirtualAuthenticator(page, { transport: "usb", hasUserVerification: false, hasResidentKey: false });
  const { email, password } = await newSignedInUser(page);
  await addPasskey(page, "YubiKey", "Second step");
  await expect(page.getByTestId("passkey-item")).toContainText("Second step");
  await signOut(page);

  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/login\/two-factor\/passkey$/);
  await page.getByRole("button", { name: "Use passkey" }).click();
  await expect(page).toHaveURL(/\/account$/);

  // Add email codes too: now the user picks.
  await setUpEmailCodes(page, email);
  await signOut(page);
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/login\/two-factor\/select$/);
  await expect(page.getByRole("button", { name: /Email/ })).toBeVisible();
  await page.getByRole("button", { name: /Passkey or security key/ }).click();
  await expect(page).toHaveURL(/\/login\/two-factor\/passkey$/);
  await page.getByRole("button", { name: "Use passkey" }).click();
  await expect(page).toHaveURL(/\/account$/);
});

test("a second-factor security key does not sign in on its own", async ({ page }) => {
  await addVirtualAuthenticator(page, { transport: "usb", hasUserVerification: false, hasResidentKey: false });
  await newSignedInUser(page);
  await addPasskey(page, "Key", "Second step");
  await signOut(page);
  // Registered as non-discoverable, the key has nothing to offer for a sign-in without an email.
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("The passkey request was cancelled or timed out. Please try again.");
  await expect(page).toHaveURL(/\/login$/);
});

test("re-verify with a passkey", async ({ page }) => {
  await addVirtualAuthenticator(page);
  await newSignedInUser(page);
  await addPasskey(page, "Laptop");
  await page.goto("/verify?next=%2Faccount%2Factivity");
  await openOtherWays(page);
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(page).toHaveURL(/\/account\/activity$/);
  await expect(page.getByTestId("activity-list")).toContainText("Identity re-verified");
});

test("rename, then remove a passkey after confirming; it no longer signs in", async ({ page }) => {
  await disablePasskeyAutofill(page);
  const authenticator = await addVirtualAuthenticator(page);
  const { email } = await newSignedInUser(page);
  await addPasskey(page, "Old name");
  await page.getByRole("button", { name: "Rename Old name" }).click();
  await page.getByLabel("New name").fill("   ");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByTestId("name-error")).toHaveText("Give your passkey a name.");
  // Markup is refused (INVALID_INPUT), not silently stripped; so is a name over 64 characters.
  await page.getByLabel("New name").fill("Desk <b>PC</b>");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByTestId("name-error")).toHaveText("A passkey name cannot contain < or >");
  await page.getByLabel("New name").evaluate((input: HTMLInputElement) => input.removeAttribute("maxlength"));
  await page.getByLabel("New name").fill("d".repeat(65));
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByTestId("name-error")).toHaveText("Use 64 characters or fewer.");
  await page.getByLabel("New name").fill("Desk PC");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page).toHaveURL(/notice=WEBAUTHN_CREDENTIAL_RENAMED/);
  await expect(page.getByTestId("passkey-name")).toHaveText("Desk PC");

  await page.getByRole("button", { name: "Remove Desk PC" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("passkey-item")).toHaveCount(1);
  await page.getByRole("button", { name: "Remove Desk PC" }).click();
  await page.getByRole("button", { name: "Remove passkey" }).click();
  await expect(page).toHaveURL(/notice=WEBAUTHN_CREDENTIAL_DELETED/);
  await expect(page.getByTestId("passkey-item")).toHaveCount(0);
  await latestEmail(page.request, email, "Gatehouse: A passkey was removed from your account");

  // The authenticator still holds the credential; the server no longer knows it.
  expect(await authenticator.credentials()).toHaveLength(1);
  await signOut(page);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("We don't recognise this passkey. Try another one or sign in another way.");
  await expect(page).toHaveURL(/\/login$/);
});

test("re-verify refuses another user's passkey and leaves the session as it was", async ({ page, browser }) => {
  // Two accounts, each registered, confirmed and given a passkey through the UI.
  test.setTimeout(150_000);
  // The second user registers a passkey on their own device…
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const otherPage = await other.newPage();
  const otherAuthenticator = await addVirtualAuthenticator(otherPage);
  await newSignedInUser(otherPage);
  await addPasskey(otherPage, "Theirs");
  const [stolen] = await otherAuthenticator.credentials();
  await other.close();

  // …and the first user's browser ends up holding it too (a shared or compromised device).
  const authenticator = await addVirtualAuthenticator(page);
  await newSignedInUser(page);
  await addPasskey(page, "Mine");
  const [mine] = await authenticator.credentials();
  await authenticator.cdp.send("WebAuthn.addCredential", { authenticatorId: authenticator.id, credential: stolen! });

  // A tampered client asks for the other user's credential instead of its own.
  const toUrl = (b64: string) => b64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  await page.route("**/verify*", async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    await route.fulfill({ response, body: body.replaceAll(toUrl(mine!.credentialId), toUrl(stolen!.credentialId)) });
  });
  await page.goto("/verify?next=%2Faccount%2Factivity");
  await openOtherWays(page);
  await page.getByRole("button", { name: "Use a passkey" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("This passkey belongs to a different account.");
  await expect(page).toHaveURL(/\/verify\?next=/);
  await page.unroute("**/verify*");
  await page.goto("/account/activity");
  await expect(page.getByTestId("activity-list")).toContainText("Failed sign-in attempt");
  await expect(page.getByTestId("activity-list")).not.toContainText("Identity re-verified");
});
