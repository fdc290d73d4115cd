// Guarantee: the admin console's roles editor creates roles with checked resource:action permissions,
// edits and deletes them, and refuses to delete the configured admin role with a clear message; a
// user's two-factor rescue request reaches the queue, and "reset access" there makes their next
// sign-in set up two-factor again. Every page passes axe.
// E2E_RESCUE_2FA starts with no method: run against a fresh database (as the suite does).
import { E2E_ADMIN, E2E_RESCUE_2FA } from "./support/admin";
import { expectAccessibleHere } from "./support/axe";
import { expect, newSignedInUser, signIn, test } from "./support/fixtures";
import { chooseTwoFactorMethod, scanAuthenticatorSetup, signInToSecondStep, signOut, totpCode } from "./support/two-factor";
import type { Page } from "@playwright/test";

async function signInAsAdmin(page: Page, next: string): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, "\\$&")}$`));
}

test("roles editor: create with permissions, add a bad one (refused) and a good one, remove, rename, delete", async ({ page }) => {
  await signInAsAdmin(page, "/admin/roles");
  await expect(page.getByRole("navigation", { name: "Admin console" }).getByRole("link", { name: "Roles" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("roles-table")).toContainText("admin");
  await expectAccessibleHere(page);

  const name = `editors-${Date.now().toString(36)}`;
  const create = page.getByRole("form", { name: "Create a role" });
  // An empty name gets the product's words under the field, not the browser's own bubble (ActionForm is noValidate).
  await create.getByRole("button", { name: "Create role" }).click();
  await expect(create.getByTestId("name-error")).toHaveText("Role names are 1 to 64 letters, digits, '.', '_' or '-'.");
  await create.getByLabel("Name").fill(name);
  await create.getByLabel("Description").fill("People who edit posts");
  await create.getByLabel("Permissions").fill("posts:read posts:write");
  await create.getByRole("button", { name: "Create role" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/roles/${name}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  const permissions = page.getByTestId("role-permissions");
  await expect(permissions).toContainText("posts:read");
  await expect(permissions).toContainText("posts:write");
  await expectAccessibleHere(page);

  const add = page.getByRole("form", { name: "Add permissions" });
  await add.getByLabel("Add permissions").fill("Posts Publish");
  await add.getByRole("button", { name: "Add" }).click();
  await expect(add.getByTestId("permissions-error")).toContainText("Write permissions as resource:action");
  await add.getByLabel("Add permissions").fill("posts:*");
  await add.getByRole("button", { name: "Add" }).click();
  await expect(permissions).toContainText("posts:*");

  await page.getByRole("form", { name: "Remove posts:read" }).getByRole("button", { name: "Remove" }).click();
  await expect(permissions).not.toContainText("posts:read");
  await expect(permissions).toContainText("posts:write");

  const renamed = `${name}-2`;
  const rename = page.getByRole("form", { name: "Rename the role" });
  await rename.getByLabel("Name").fill(renamed);
  await rename.getByRole("button", { name: "Rename" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/roles/${renamed}$`));

  await page.getByRole("button", { name: `Delete ${renamed}` }).click();
  await expect(page).toHaveURL(/\/admin\/roles\?notice=ROLE_DELETED$/);
  await expect(page.getByTestId("notice")).toContainText("The role was deleted");
  await expect(page.getByTestId("roles-table")).not.toContainText(renamed);
});

test("the admin role cannot be deleted or renamed: the page says why", async ({ page }) => {
  await signInAsAdmin(page, "/admin/roles/admin");
  await expect(page.getByTestId("role-required")).toContainText("cannot be renamed or deleted");
  await expect(page.getByRole("form", { name: "Rename the role" })).toHaveCount(0);
  await page.getByRole("button", { name: "Delete admin" }).click();
  await expect(page.getByRole("form", { name: "Delete the role" }).getByTestId("form-message")).toContainText("so it can't be deleted");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("admin");
});

test("a user without the admin role gets 403 on the roles and rescue pages", async ({ page }) => {
  await newSignedInUser(page);
  for (const path of ["/admin/roles", "/admin/roles/admin", "/admin/rescue"]) {
    expect((await page.goto(path))?.status(), path).toBe(403);
  }
});

test("rescue queue: a user's help request appears with their activity; reset access makes their next sign-in set up two-factor again", async ({
  page,
  browser,
}) => {
  const { email, password } = E2E_RESCUE_2FA;
  // Their role requires two-factor: the first sign-in sets it up.
  await page.goto("/login");
  await signIn(page, email, password);
  await expect(page, "the rescue user must have no method yet: run against a fresh database").toHaveURL(/\/login\/two-factor\/setup$/);
  await chooseTwoFactorMethod(page, /^Authenticator app/);
  const secret = await scanAuthenticatorSetup(page, email);
  await page.getByLabel("Code", { exact: true }).fill((await totpCode(secret)).code);
  await page.getByRole("button", { name: "Verify and finish" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await signOut(page);

  // The authenticator is lost: ask for help.
  await signInToSecondStep(page, email, password);
  await page.getByRole("link", { name: "Can't use your authenticator app?" }).click();
  await page.getByRole("button", { name: "Ask the site administrator for help" }).click();
  await expect(page.getByTestId("form-message")).toContainText("We've asked the site administrator to help you.");

  const admin = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.77" } });
  const adminPage = await admin.newPage();
  await signInAsAdmin(adminPage, "/admin/rescue");
  const row = adminPage.getByTestId("rescue-request").filter({ hasText: email });
  await expect(row).toHaveCount(1);
  await row.getByText("Recent activity").click();
  await expect(row).toContainText("Asked for help with the second factor");
  await expectAccessibleHere(adminPage);
  await row.getByRole("button", { name: "Reset access" }).click();
  await expect(adminPage).toHaveURL(/\/admin\/rescue\?notice=RESCUE_REQUEST_RESET$/);
  await expect(adminPage.getByTestId("notice")).toContainText("Access was reset");
  await expect(adminPage.getByTestId("rescue-request").filter({ hasText: email })).toHaveCount(0);
  await admin.close();

  // Their next sign-in: the password still works, and two-factor is set up again.
  await page.goto("/login");
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/login\/two-factor\/setup$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up two-step verification");
});
