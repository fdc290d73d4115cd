// Guarantee: signing in with an OpenID Connect provider (a real one: oidc-provider, on localhost) is
// one more first factor through the same gate — an unknown identity is refused, two-factor still
// applies, `next` survives the round trip; linking happens from the account page after a fresh
// sign-in, the last way in cannot be unlinked, /verify accepts only the linked identity; a provider
// error or a cancel is a message on the page, and another instance can serve the callback.
import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, latestEmail, newSignedInUser, test, uniqueEmail, openOtherWays } from "./support/fixtures";
import { expectAccessibleHere } from "./support/axe";
import { startInstance, type Instance } from "./support/instance";
import { OAUTH_PORTS } from "./support/server";
import { setUpAuthenticator, signOut, submitSignInCode, totpCode } from "./support/two-factor";

// The instances below own their ports: one worker runs this file.
test.describe.configure({ mode: "serial" });

interface ProviderAccount {
  sub: string;
  email: string;
  verified?: boolean;
}

function providerAccount(email: string, verified = true): ProviderAccount {
  return { sub: `test-${randomUUID()}`, email, verified };
}

/** Presses "<label> Test ID" and signs in at the provider's page as `who`. */
async function viaProvider(page: Page, who: ProviderAccount, label = "Continue with Test ID"): Promise<void> {
  // A new identity each time: the provider's own session (its cookies on localhost) would sign in the previous one.
  await page.context().clearCookies({ name: /^_session/ });
  await openOtherWays(page);
  await page.getByRole("button", { name: label }).click();
  await expect(page.getByRole("heading", { name: "Test ID" })).toBeVisible();
  await page.getByLabel("Subject").fill(who.sub);
  await page.getByLabel("Email", { exact: true }).fill(who.email);
  await page.getByLabel("Email verified").setChecked(who.verified ?? true);
  await page.getByRole("button", { name: "Sign in at Test ID" }).click();
}

test("an existing account signs in with its verified provider email; an unknown identity is refused", async ({ page }) => {
  const { email } = await newSignedInUser(page);
  await signOut(page);
  const who = providerAccount(email);
  await viaProvider(page, who);
  await expect(page).toHaveURL(/\/account$/);
  // The round trip's cookies are gone once it is over.
  const names = (await page.context().cookies()).map((c) => c.name);
  expect(names.filter((n) => n.includes("gatehouse.oauth"))).toEqual([]);
  const mail = await latestEmail(page.request, email, "Gatehouse: A sign-in provider was linked to your account");
  expect(mail.text).toContain("Test ID");

  await signOut(page);
  await viaProvider(page, providerAccount(uniqueEmail("nobody")));
  await expect(page).toHaveURL(/\/login\?notice=IDENTITY_NOT_REGISTERED/);
  await expect(page.getByTestId("notice")).toContainText("No account uses this Test ID identity");
  // An unverified email of an existing account finds nothing either.
  await viaProvider(page, providerAccount(email, false));
  await expect(page).toHaveURL(/\/login\?notice=IDENTITY_NOT_REGISTERED/);
});

test("two-factor applies after the provider: the authenticator's code finishes the sign-in", async ({ page }) => {
  const { email } = await newSignedInUser(page);
  const { secret, step } = await setUpAuthenticator(page, email);
  await signOut(page);
  await viaProvider(page, providerAccount(email));
  await expect(page).toHaveURL(/\/login\/two-factor$/);
  const { code } = await totpCode(secret, { afterStep: step });
  await submitSignInCode(page, code);
  await expect(page).toHaveURL(/\/account$/);
});

test("`next` survives the round trip", async ({ page }) => {
  const { email } = await newSignedInUser(page);
  await signOut(page);
  await page.goto("/account/sessions");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount%2Fsessions/);
  await viaProvider(page, providerAccount(email));
  await expect(page).toHaveURL(/\/account\/sessions$/);
});

test("linking from the account page; the linked subject signs in whatever email it carries; /verify takes only it", async ({ page }) => {
  const { email } = await newSignedInUser(page);
  await page.goto("/account/connections");
  await expect(page.getByText("No connected accounts")).toBeVisible();
  await expectAccessibleHere(page);
  // Linked by subject: the provider's email need not be verified, nor this account's.
  const who = providerAccount(uniqueEmail("elsewhere"), false);
  await viaProvider(page, who, "Link Test ID");
  await expect(page).toHaveURL(/\/account\/connections\?notice=OAUTH_LINKED/);
  await expect(page.getByTestId("connection-list")).toContainText(who.email);
  await expectAccessibleHere(page);
  await latestEmail(page.request, email, "Gatehouse: A sign-in provider was linked to your account");

  await page.goto("/verify?next=/account/connections");
  await viaProvider(page, providerAccount(email));
  await expect(page).toHaveURL(/\/verify\?notice=OAUTH_NOT_LINKED_IDENTITY/);
  await expect(page.getByTestId("notice")).toContainText("That Test ID identity isn't the one linked to your account.");
  await page.goto("/verify?next=/account/connections");
  await viaProvider(page, who);
  await expect(page).toHaveURL(/\/account\/connections$/);

  await signOut(page);
  await viaProvider(page, { ...who, email: uniqueEmail("moved") });
  await expect(page).toHaveURL(/\/account$/);
});

test("a provider error and a cancel at the provider come back as messages on /login", async ({ page }) => {
  await page.goto("/login");
  await openOtherWays(page);
  await page.getByRole("button", { name: "Continue with Test ID" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/login\?notice=OAUTH_CANCELLED/);
  await expect(page.getByTestId("notice")).toContainText("Signing in with the provider was cancelled.");
  await openOtherWays(page);
  await page.getByRole("button", { name: "Continue with Test ID" }).click();
  await page.getByRole("button", { name: "Fail" }).click();
  await expect(page).toHaveURL(/\/login\?notice=OAUTH_HANDSHAKE_ERROR/);
  await expect(page.getByTestId("notice")).toContainText("Something went wrong while talking to the sign-in provider.");
  // A callback this browser never started (no state cookie) is refused the same way, not a 500.
  const forged = await page.request.get("/api/auth/callback/oidc?code=forged&state=forged", { maxRedirects: 0 });
  expect(forged.status()).toBeLessThan(400);
  await page.goto(`/api/auth/callback/oidc?code=forged&state=forged`);
  await expect(page).toHaveURL(/\/login\?notice=OAUTH_HANDSHAKE_ERROR/);
});

test.describe("with instances of its own", () => {
  // Both may create accounts from a provider identity, each in its own in-memory database.
  const settings = { SECURITY_OAUTH_ALLOW_REGISTER: "true" };
  let registering: Instance | undefined;

  test.beforeAll(async () => {
    registering = await startInstance(OAUTH_PORTS[1], settings);
  });
  test.afterAll(() => registering?.stop());

  test("the provider's callback is served by another process than the one that started the round trip", async ({ page }) => {
    // The round trip starts on one process; while the user is at the provider, that process is
    // gone and another one listens on the same address: nothing of the round trip was in memory.
    let first: Instance | undefined = await startInstance(OAUTH_PORTS[0], settings);
    let second: Instance | undefined;
    try {
      await page.goto(`${first.url}/login`);
      await page.context().clearCookies({ name: /^_session/ });
      await openOtherWays(page);
      await page.getByRole("button", { name: "Continue with Test ID" }).click();
      await expect(page.getByRole("heading", { name: "Test ID" })).toBeVisible();
      // Gone for good before the other one starts: a readiness check the old process answered (its
      // keep-alive socket) would let the test go on before the new one listens.
      await first.stopped();
      first = undefined;
      second = await startInstance(OAUTH_PORTS[0], settings);
      const email = uniqueEmail("other-process");
      await page.getByLabel("Subject").fill(`test-${randomUUID()}`);
      await page.getByLabel("Email", { exact: true }).fill(email);
      await page.getByRole("button", { name: "Sign in at Test ID" }).click();
      await expect(page).toHaveURL(`${second.url}/account`);
      await expect(page.getByText(email).first()).toBeVisible();
    } finally {
      first?.stop();
      second?.stop();
    }
  });

  test("a provider-made account without a password cannot unlink its only way in", async ({ page }) => {
    const email = uniqueEmail("from-provider");
    await page.goto(`${registering?.url}/login`);
    await viaProvider(page, providerAccount(email));
    await expect(page).toHaveURL(new RegExp(`^${registering?.url}/account$`));
    await page.goto(`${registering?.url}/account/connections`);
    await page.getByRole("button", { name: "Unlink Test ID" }).click();
    await expect(page).toHaveURL(/notice=OAUTH_LAST_SIGN_IN_METHOD/);
    await expect(page.getByTestId("notice")).toContainText("This is your only way to sign in.");
    await expect(page.getByTestId("connection-list")).toContainText(email);
  });
});
